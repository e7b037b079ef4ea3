/// The CanonicalJSON module. See Package.swift for what it is for.
public enum CanonicalJSONModule {}
