/// Who may change a study's codebook: its leads, and its coders only when the study allows it
/// (`settings.coderCodebookEdits` in study.json).
///
/// A coder is anyone with a file in codings/. The command line cannot know who is typing, so it goes by the name
/// given with `--by`: a coder's name is refused unless the study allows coders to edit; any other name is a lead.
public enum CodebookGuard {
    /// Why `editor` may not edit the codebook of a study with these coders and settings, or nil when they may.
    public static func refusal(editor: String, coders: [String], settings: StudySettings) -> String? {
        guard !editor.isEmpty else { return "say who makes the change (a lead's name)" }
        guard coders.contains(editor), !settings.coderCodebookEdits else { return nil }
        return
            "\(editor) is a coder of this study, and coders may not edit the codebook here: ask a lead, or set \"coderCodebookEdits\": true in the settings of study.json to allow it"
    }

    /// Whether a coder's coding session may offer codebook edits.
    public static func codingSessionsMayEdit(_ settings: StudySettings) -> Bool { settings.coderCodebookEdits }
}
