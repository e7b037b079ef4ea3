/// The largest file each kind of reader takes in, checked before a byte is read, so a stray multi-gigabyte file
/// (a disk image saved under the wrong name, a sparse file, a device) is refused by name instead of exhausting memory.
///
/// The limits are generous on purpose: a review of a million short excerpts is about 150 MB, and parsing holds a few
/// times a file's size in memory, so a study file at the limit already needs several gigabytes to open.
public enum FileSizeLimit {
    /// A study's JSON files (manifest, codebook, reviews, codings, consensus) and coders' journals: 1 GiB.
    public static let studyFile = 1 << 30
    /// A document or project brought in by `thematic import` (text, Markdown, CSV, PDF, .docx, .qdpx): 512 MiB,
    /// hundreds of thousands of pages of text.
    public static let importedDocument = 512 << 20

    /// "2.0 GB", "512 MiB": sizes as a researcher reads them.
    static func describe(_ bytes: Int) -> String {
        if bytes % (1 << 20) == 0 && bytes < 1 << 30 { return "\(bytes >> 20) MiB" }
        if bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        let gigabytes = Double(bytes) / Double(1 << 30)
        if gigabytes >= 1 { return "\((gigabytes * 10).rounded() / 10) GiB" }
        return "\(((Double(bytes) / Double(1 << 20)) * 10).rounded() / 10) MiB"
    }
}
