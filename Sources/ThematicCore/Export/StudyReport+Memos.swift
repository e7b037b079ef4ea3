extension StudyReport {
    /// Every coder's memos, grouped by review and excerpt: who wrote each, on which code for a coding memo, and when.
    func memos(_ page: inout HTMLPage) {
        let memos = MemoIndex(study: study).memos
        page.section("memos", Self.sectionTitle("memos")) { page in
            guard !memos.isEmpty else {
                page.add("<p>No coder has written a memo.</p>")
                return
            }
            page.add(
                "<p class=\"note\">\(memos.count) memo\(memos.count == 1 ? "" : "s") written in the coding screen, on excerpts and on the codes applied to them; <code>thematic memos</code> lists and filters them.</p>"
            )
            var review: String?
            var excerpt: String?
            for memo in memos {
                if memo.reviewID != review {
                    if excerpt != nil { page.add("</dl></article>") }
                    excerpt = nil
                    review = memo.reviewID
                    let title = study.corpus.review(memo.reviewID)?.title ?? ""
                    page.add("<h3>\(MarkupText.escaped(memo.reviewID)) \(MarkupText.escaped(title))</h3>")
                }
                if memo.excerptID != excerpt {
                    if excerpt != nil { page.add("</dl></article>") }
                    excerpt = memo.excerptID
                    page.add(
                        "<article class=\"excerpt memo\"><p class=\"where\"><b>\(MarkupText.escaped(memo.excerptID))</b> \(MarkupText.escaped(memo.firstWords))</p><dl class=\"facts\">"
                    )
                }
                let on =
                    memo.codeID.map { code in
                        " on " + (study.codebook.code(code).map(codeLink) ?? "<b>\(MarkupText.escaped(code))</b>")
                    } ?? " on the excerpt"
                page.add(
                    "<dt>\(MarkupText.escaped(memo.coder))\(on) <span class=\"muted\">\(MarkupText.escaped(memo.updated))</span></dt><dd>\(MarkupText.escaped(memo.text))</dd>"
                )
            }
            page.add("</dl></article>")
        }
    }
}
