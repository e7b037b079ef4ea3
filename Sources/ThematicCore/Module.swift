/// The ThematicCore module. See Package.swift for what it is for.
public enum ThematicCoreModule {}
