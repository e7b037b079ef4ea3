#!/usr/bin/env python3
"""Writes the document fixtures in this folder: PDFs and Word files shaped like serious case reviews.

Everything in them is invented: no real child, family, professional or place.
Rerunning gives the same bytes (fixed dates, reportlab's invariant mode, fixed zip timestamps), so a
change in a fixture is always a change in this script.

Needs: reportlab, python-docx (>= 1.2 for comments), Pillow.  Run from anywhere:
    python3 Tests/ThematicCoreTests/Fixtures/documents/make-fixtures.py

In the body text below, line breaks are chosen by the wrapper here, not by reportlab, so that the fixture
has the line ends a PDF reader must handle:
    "assess~ment"   a word hyphenated across a line end (drawn "assess-" / "ment"; read back as "assessment")
    "non-|mobile"   a real hyphenated compound broken at its hyphen (drawn "non-" / "mobile"; read back "non-mobile")
"""

import datetime
import io
import os
import re
import zipfile

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.lib.pdfencrypt import StandardEncryption

HERE = os.path.dirname(os.path.abspath(__file__))
PAGE_W, PAGE_H = A4
LEFT, RIGHT = 72, PAGE_W - 72
NUMBER_INDENT = 36          # numbered paragraphs: number at LEFT, text at LEFT + NUMBER_INDENT
BODY_FONT, BODY_SIZE, LEADING = "Helvetica", 12, 18
TOP, BOTTOM = PAGE_H - 90, 80
HEADER = "Serious Case Review: Child M \u2013 Overview Report"
FOOTER = "OFFICIAL \u2013 SENSITIVE"
TITLE = "Serious Case Review: Child M \u2013 Overview Report"
PAGES = 6

# ---------------------------------------------------------------------------------------------------------------
# The overview report's body, as blocks.  ("para", number, text), ("heading", text), ("table", rows),
# ("bullets", [text, ...]), ("plain", text): a paragraph without a number.

BODY = [
    ("heading", "1. Introduction"),
    ("para", "1.1", "This serious case review was commissioned by the Larchford Safeguarding Children Partnership "
     "after Child M, aged four months, was admitted to Wexmoor General Hospital with a fractured skull and "
     "bruising to the face and chest. The injuries were found by the paediatric team to be non-accidental."),
    ("para", "1.2", "The review considers the involvement of agencies with Child M and the family between the "
     "booking appointment with the community midwife in May 2019 and the admission in January 2020. It was "
     "led by an independent reviewer, Jane Leather, and the panel was chaired by Kath Nelson, who has no line "
     "management responsibility for any of the services involved."),
    ("para", "1.3", "The purpose of the review is to establish what lessons can be learned about the way in which "
     "local professionals and organisations work individually and together, across health, education, police and social care, to safe~guard and promote the "
     "welfare of children, and to identify clearly what those lessons are."),
    ("heading", "2. Background"),
    ("para", "2.1", "Child M lived with the mother and father in a rented flat on the Brackenhurst estate in "
     "Larchford. Neither parent was in paid employment. The mother had moved to Larchford from Oldcastle "
     "Vale during the pregnancy and was not registered with a general practitioner until the third trimester."),
    ("para", "2.2", "The family composition at the time of the incident is set out below. Ages are given at the "
     "date of the admission."),
    ("table", [("Relationship", "Age at time of incident"), ("Child M", "4 months"), ("Mother", "24"), ("Father", "27")]),
    ("para", "2.3", "The father had a history of offending for violence against a previous partner, which was "
     "known to the police but was not shared with health professionals during the pregnancy. At the time of the "
     "birth in October 2019, a domestic abuse, stalking, harassment and honour based violence risk assess~ment had not been completed by any agency."),
    ("heading", "3. Key practice episodes"),
    ("para", "3.1", "The review identified six key practice episodes. They are described in the order in which "
     "they occurred and each is followed by an analysis of the practice it shows."),
    ("para", "3.2", "At the booking appointment the community midwife asked the routine enquiry question about "
     "domestic abuse while the father was present in the room. The mother said that there were no concerns. "
     "The midwife recorded that the question could not be asked safely but did not arrange to see the mother "
     "alone at a later appointment."),
    ("para", "3.3", "In October 2019 the health visitor carried out the new birth visit. She noted that the "
     "father answered most of the questions put to the mother and that the flat was cold. She made a referral to "
     "the early help hub, which was closed a month later because the family did not engage."),
    ("para", "3.4", "A strategy discussion was not convened when Child M, who was non-|mobile, was seen by the "
     "out of hours general practitioner with a bruise to the left cheek. The explanation given by the father, "
     "that the baby had rolled against the cot, was accepted without challenge. Guidance issued by the "
     "partnership is clear that any bruise in a baby who is not independently mobile requires referral to "
     "children's social care and a paediatric assessment on the same day."),
    ("para", "3.5", "The out of hours doctor told the review that there was no time to discuss the case with a "
     "colleague or the senior clinician on duty during a busy call-|out shift, and that the electronic record did not show the earlier referral "
     "to the early help hub. The review has found that the two systems do not share information."),
    ("para", "3.6", "Children's social care received a notification from the police in December 2019 after a "
     "neighbour reported shouting at the flat. The notification was screened by a duty social worker, who "
     "decided that no further action was needed because the incident was verbal only and no injury was seen."),
    ("para", "3.7", "The screening decision was not reviewed by a manager. The review was told that the duty "
     "team received more than ninety notifications that day and that managers were not able to see each one."),
    ("para", "3.8", "The mother attended the emergency department with Child M on 2nd January 2020, saying that "
     "the baby had been sick. No injuries were seen. The attendance was not shared with the health visitor."),
    ("para", "3.9", "Four days later Child M was brought to hospital by ambulance and the injuries that led to "
     "this review were found. The father was arrested and later convicted."),
    ("para", "3.10", "Taken together, the episodes show a pattern in which each agency held a part of the picture "
     "and none held the whole of it. The information that would have changed the response to the bruise was "
     "held by the police and the early help hub."),
    ("para", "3.11", "Professionals who spoke to the review described a wish to avoid alarming a young mother who "
     "was seen as isolated, and an assumption that somebody else had the fuller picture of the family."),
    ("heading", "4. Findings"),
    ("para", "4.1", "The review makes the following findings. Each is followed by a question for the partnership "
     "to consider, in keeping with the systems approach used for the review."),
    ("bullets", [
        "Routine enquiry about domestic abuse was asked in front of the father and was not repeated when the "
        "mother could be seen alone.",
        "Bruising in a non-mobile baby was not referred in line with the partnership's protocol.",
        "Screening decisions on police notifications were not reviewed by a manager when the duty team was "
        "under pressure.",
        "Records held by the out of hours service, the early help hub and the health visiting service were not "
        "linked.",
    ]),
    ("para", "4.2", "Practitioners across all of the agencies involved did not have the con~sultation time or the information they needed at the point "
     "of decision. The review does not find that any one professional could have predicted the injuries."),
    ("para", "4.3", "The partnership should consider how the learning from this review will be tested in one "
     "year, and how the voice of the child will be kept at the centre of single and multi-agency practice."),
    ("heading", "5. Recommendations"),
    ("para", "5.1", "The partnership should seek assurance that the bruising protocol is known to all out of hours "
     "and urgent care clinicians, and that its use is audited twice a year."),
    ("para", "5.2", "Children's social care should ensure that screening decisions on police notifications about "
     "households with a baby under one year are reviewed by a manager within one working day."),
    ("para", "5.3", "The health and care partners should agree how the out of hours service, the early help hub and "
     "the health visiting service will see each other's records of contact with families who have a baby."),
    ("para", "5.4", "Maternity services should ensure that routine enquiry about domestic abuse is repeated at a "
     "later appointment whenever it could not be asked safely, and that the reason is recorded."),
    ("heading", "Appendix A: Glossary"),
    ("plain", "Early help hub: the multi-agency team that offers support to families below the threshold for "
     "statutory social work."),
    ("plain", "Strategy discussion: a meeting of police, children's social care and health to decide whether "
     "enquiries under section 47 of the Children Act 1989 should start."),
]


def wrap(text, width, font=BODY_FONT, size=BODY_SIZE):
    """Greedy wrapping that honours the forced breaks "~" (hyphenated word) and "-|" (real hyphen).

    Returns the drawn lines.  Checks that every forced break falls near the right margin, so the fixture looks
    like real justified-ish text rather than a short line a reader could mistake for a paragraph end.
    """
    lines, current = [], ""
    for word in text.split(" "):
        if "~" in word or "-|" in word:
            head, tail = word.split("~") if "~" in word else word.split("-|")
            candidate = (current + " " if current else "") + head + "-"
            assert stringWidth(candidate, font, size) <= width, f"forced break does not fit: {candidate!r}"
            assert stringWidth(candidate, font, size) > width * 0.8, f"forced break too early: {candidate!r}"
            lines.append(candidate)
            current = tail
            continue
        candidate = (current + " " if current else "") + word
        if stringWidth(candidate, font, size) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def as_read(text):
    """A paragraph as a human reads it: hyphenation undone, real hyphens kept."""
    return text.replace("~", "").replace("-|", "-")


def header_footer(c, page):
    c.setFont("Helvetica", 9)
    c.drawCentredString(PAGE_W / 2, PAGE_H - 50, HEADER)
    c.drawString(LEFT, 40, FOOTER)
    c.drawRightString(RIGHT, 40, f"Page {page} of {PAGES}")


def layout_body():
    """Places the body blocks on pages 3 onwards.  Returns (pages, expected) where pages is a list of lists of
    draw operations and expected is [(page, text)] for the expected.md."""
    pages, ops, expected = [], [], []
    y = TOP
    page = 3

    def new_page():
        nonlocal ops, y, page
        pages.append(ops)
        ops, y, page = [], TOP, page + 1

    def need(height):
        if y - height < BOTTOM:
            new_page()

    for block in BODY:
        kind = block[0]
        if kind == "heading":
            need(LEADING * 3)      # keep a heading with the start of what follows
            if y != TOP:
                y -= 8
            ops.append(("font", "Helvetica-Bold", 13))
            ops.append(("text", LEFT, y, block[1]))
            expected.append((page, "# " + block[1]))
            y -= LEADING + 6
        elif kind in ("para", "plain"):
            number = block[1] if kind == "para" else None
            text = block[2] if kind == "para" else block[1]
            x = LEFT + NUMBER_INDENT if number else LEFT
            lines = wrap(text, RIGHT - x)
            need(LEADING)           # room for two lines: none left alone at the foot of a page
            expected.append((page, (number + " " if number else "") + as_read(text)))
            ops.append(("font", BODY_FONT, BODY_SIZE))
            for i, line in enumerate(lines):
                if y < BOTTOM:
                    new_page()
                    ops.append(("font", BODY_FONT, BODY_SIZE))
                    ops.append(("continued",))
                if i == 0 and number:
                    ops.append(("text", LEFT, y, number))
                ops.append(("text", x, y, line))
                y -= LEADING
            y -= 8
        elif kind == "table":
            rows = block[1]
            row_h, col = 20, [LEFT, LEFT + 160, LEFT + 360]
            need(row_h * len(rows))
            top = y + LEADING - 2
            for r, (a, b) in enumerate(rows):
                ops.append(("font", "Helvetica-Bold" if r == 0 else BODY_FONT, BODY_SIZE - 1))
                base = top - row_h * r - 14
                ops.append(("text", col[0] + 6, base, a))
                ops.append(("text", col[1] + 6, base, b))
                expected.append((page, f"| {a} | {b} |"))
            bottom = top - row_h * len(rows)
            for r in range(len(rows) + 1):
                ops.append(("line", col[0], top - row_h * r, col[2], top - row_h * r))
            for x in col:
                ops.append(("line", x, top, x, bottom))
            y = bottom - LEADING - 6
        elif kind == "bullets":
            for item in block[1]:
                lines = wrap(item, RIGHT - (LEFT + 2 * NUMBER_INDENT))
                need(LEADING * len(lines))
                ops.append(("font", BODY_FONT, BODY_SIZE))
                ops.append(("text", LEFT + NUMBER_INDENT + 12, y, "\u2022"))
                for line in lines:
                    ops.append(("text", LEFT + 2 * NUMBER_INDENT, y, line))
                    y -= LEADING
                expected.append((page, "\u2022 " + as_read(item)))
                y -= 4
            y -= 4
    pages.append(ops)
    return pages, expected


def draw_ops(c, ops):
    for op in ops:
        if op[0] == "font":
            c.setFont(op[1], op[2])
        elif op[0] == "text":
            c.drawString(op[1], op[2], op[3])
        elif op[0] == "line":
            c.setLineWidth(0.6)
            c.line(*op[1:])


def new_canvas(path, **kwargs):
    c = canvas.Canvas(path, pagesize=A4, invariant=1, pageCompression=1, **kwargs)
    c.setTitle(TITLE)
    c.setAuthor("Jane Leather")
    c.setSubject("Fictional fixture for Thematic's tests")
    c.setCreator("make-fixtures.py")
    c.setProducer("make-fixtures.py")
    return c


TITLE_LINES = [
    ("Helvetica", 14, "Larchford Safeguarding Children Partnership"),
    ("Helvetica-Bold", 26, "Serious Case Review"),
    ("Helvetica-Bold", 26, "Child M"),
    ("Helvetica", 18, "Overview Report"),
    ("Helvetica", 12, "Author: Jane Leather"),
    ("Helvetica", 12, "Chair: Kath Nelson"),
    ("Helvetica", 12, "Published: 22nd June 2021"),
]


def overview_report():
    body_pages, expected_body = layout_body()
    assert len(body_pages) == PAGES - 2, f"the body fills {len(body_pages)} pages, not {PAGES - 2}"
    assert any(("continued",) in ops for ops in body_pages), "no paragraph runs over a page break"
    heading_pages = [(text[2:], page) for page, text in expected_body if text.startswith("# ")]

    path = os.path.join(HERE, "overview-report.pdf")
    c = new_canvas(path)
    expected = []

    # Page 1: the title page, no running header or footer (as in most published reviews).
    y = PAGE_H - 200
    for font, size, text in TITLE_LINES:
        c.setFont(font, size)
        c.drawCentredString(PAGE_W / 2, y, text)
        expected.append((1, text))
        y -= size * 2.2 if size > 12 else size * 1.8
    c.showPage()

    # Page 2: contents, with dot leaders.
    header_footer(c, 2)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(LEFT, TOP, "Contents")
    expected.append((2, "# Contents"))
    c.setFont(BODY_FONT, BODY_SIZE)
    y = TOP - 36
    for title, page in heading_pages:
        room = RIGHT - LEFT - stringWidth(f"{title}  {page}", BODY_FONT, BODY_SIZE)
        dots = "." * int(room / stringWidth(".", BODY_FONT, BODY_SIZE))
        line = f"{title} {dots} {page}"
        c.drawString(LEFT, y, line)
        expected.append((2, line))
        y -= LEADING * 1.6
    c.showPage()

    for index, ops in enumerate(body_pages):
        header_footer(c, index + 3)
        draw_ops(c, ops)
        c.showPage()
    c.save()

    expected += expected_body
    with open(os.path.join(HERE, "overview-report.expected.md"), "w", encoding="utf-8") as f:
        f.write("# overview-report.pdf as a human reads it\n\n")
        f.write("Written by make-fixtures.py. One line per title line, heading (`# `), paragraph, table row (`| a | b |`) "
                "or bullet (`\u2022 `), prefixed with the page it starts on. Paragraphs are whole: the PDF wraps them "
                "over several lines (one runs over a page break, see below); words hyphenated at a "
                "line end are joined (assessment, consultation, safeguard), real hyphens kept (non-mobile, call-out).\n\n")
        f.write("Not content (layout): pages 2-6 have the running header \"" + HEADER + "\" and the footer \"" + FOOTER +
                "\" (left) with \"Page N of 6\" (right); page 1 has neither. Numbered paragraphs are drawn with a "
                "hanging indent: the number at the margin, the text 36 pt to its right on the same baseline.\n\n")
        f.write("Paragraphs that run over a page break: " + ", ".join(continued_paragraphs(body_pages, expected_body)) + "\n\n")
        for page, text in expected:
            f.write(f"[p{page}] {text}\n")


def continued_paragraphs(body_pages, expected_body):
    """The paragraphs whose last lines are on the page after their first (for the expected.md's note)."""
    names = []
    for index, ops in enumerate(body_pages):
        if ("continued",) in ops:
            starts = [text.split(" ")[0] for page, text in expected_body if page == index + 2 and not text.startswith(("# ", "|", "\u2022"))]
            names.append(f"{starts[-1]} (pages {index + 2}-{index + 3})")
    return names


def text_pdf(path, pages, **kwargs):
    """A plain text PDF, one list of lines per page."""
    c = new_canvas(path, **kwargs)
    for lines in pages:
        c.setFont(BODY_FONT, BODY_SIZE)
        y = TOP
        for line in lines:
            c.drawString(LEFT, y, line)
            y -= LEADING
        c.showPage()
    c.save()


SCANNED_LINES = [
    "Larchford Safeguarding Children Partnership",
    "Serious Case Review: Child M",
    "",
    "3.4 A strategy discussion was not convened when Child M,",
    "who was non-mobile, was seen by the out of hours general",
    "practitioner with a bruise to the left cheek.",
]


def scanned_image(lines):
    """A page image with text in it, as a scanner would give: pixels only, no text layer."""
    image = Image.new("L", (1240, 1754), 255)        # A4 at 150 dpi
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 30)
    y = 160
    for line in lines:
        draw.text((150, y), line, fill=0, font=font)
        y += 48
    data = io.BytesIO()
    image.save(data, format="PNG", optimize=False)
    data.seek(0)
    return ImageReader(data)


def image_page(c, lines):
    c.drawImage(scanned_image(lines), 0, 0, width=PAGE_W, height=PAGE_H)
    c.showPage()


def scanned_pdfs():
    c = new_canvas(os.path.join(HERE, "scanned.pdf"))
    image_page(c, SCANNED_LINES)
    image_page(c, ["4. Findings", "", "4.1 The review makes the following findings."])
    c.save()

    c = new_canvas(os.path.join(HERE, "partly-scanned.pdf"))
    c.setFont(BODY_FONT, BODY_SIZE)
    c.drawString(LEFT, TOP, "1.1 This page has a text layer.")
    c.showPage()
    image_page(c, ["2.1 This page is only an image of text.", "A reader finds no text on it."])
    c.setFont(BODY_FONT, BODY_SIZE)
    c.drawString(LEFT, TOP, "3.1 This page has a text layer again.")
    c.showPage()
    c.save()


def encrypted_pdf():
    # 128-bit RC4 with a user password: no reader opens it without "larchford".
    encryption = StandardEncryption("larchford", ownerPassword="owner-larchford", strength=128)
    text_pdf(os.path.join(HERE, "encrypted.pdf"),
             [["Serious Case Review: Child M", "1.1 This text is behind a password."]], encrypt=encryption)


def truncated_pdf():
    with open(os.path.join(HERE, "overview-report.pdf"), "rb") as f:
        data = f.read()
    with open(os.path.join(HERE, "truncated.pdf"), "wb") as f:
        f.write(data[: len(data) * 6 // 10])


# ---------------------------------------------------------------------------------------------------------------
# Word

FIXED_DATE = datetime.datetime(2021, 6, 22, 9, 0, 0)


def w(tag):
    from docx.oxml.ns import qn
    return qn("w:" + tag)


def add_element(run, tag, **attributes):
    from docx.oxml import OxmlElement
    element = OxmlElement("w:" + tag)
    for key, value in attributes.items():
        element.set(w(key), value)
    run._r.append(element)
    return element


def overview_docx():
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    core = document.core_properties
    core.title = TITLE
    core.author = "Jane Leather"
    core.last_modified_by = "Jane Leather"
    core.created = core.modified = core.last_printed = FIXED_DATE
    core.revision = 1

    section = document.sections[0]
    section.header.paragraphs[0].text = "Serious Case Review: Child M"
    section.footer.paragraphs[0].text = FOOTER

    expected = []   # (page, role, text)

    def para(text, style=None, page=None, role="paragraph"):
        p = document.add_paragraph(text, style=style)
        expected.append((page, role, text))
        return p

    # Page 1: title page.
    para("Larchford Safeguarding Children Partnership", page=1)
    para("Serious Case Review: Child M", style="Title", page=1, role="heading 0")
    para("Overview Report", page=1)
    para("Author: Jane Leather", page=1)
    para("Published: 22nd June 2021", page=1)
    document.add_page_break()

    # Page 2.
    para("1. Introduction", style="Heading 1", page=2, role="heading 1")
    p = para("1.1 This serious case review was commissioned by the Larchford Safeguarding Children Partnership after "
             "Child M, aged four months, was admitted to hospital with injuries found to be non-accidental.", page=2)
    document.add_comment(p.runs[0], text="Check the date of admission with the hospital trust.", author="Kath Nelson",
                         initials="KN")
    para("1.2 The terms of reference asked the review to consider:", page=2)
    para("the period from the booking appointment to the admission;", style="List Number", page=2)
    para("how information about the father's history was shared;", style="List Number", page=2)
    para("whether the bruising protocol was followed.", style="List Number", page=2)

    para("2. Background", style="Heading 1", page=2, role="heading 1")
    para("2.1 Family composition", style="Heading 2", page=2, role="heading 2")
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    for row, (a, b) in zip(table.rows, [("Relationship", "Age at time of incident"), ("Child M", "4 months"), ("Mother", "24")]):
        row.cells[0].text = a
        row.cells[1].text = b
    # A second paragraph inside a cell: its text joins the cell's first paragraph with a space.
    table.rows[2].cells[1].add_paragraph("(at the birth: 23)")
    expected.append((2, "tableRow first", "Relationship | Age at time of incident"))
    expected.append((2, "tableRow", "Child M | 4 months"))
    expected.append((2, "tableRow", "Mother | 24 (at the birth: 23)"))

    # A paragraph with the inline elements a reader must translate: a tab, a line break, a non-breaking hyphen,
    # a soft hyphen, a tracked deletion (skipped) and a tracked insertion (kept).
    p = document.add_paragraph()
    p.add_run("2.2")
    add_element(p.runs[-1], "tab")
    p.add_run("Child M was non")
    add_element(p.runs[-1], "noBreakHyphen")
    r = p.add_run("mobile and was seen by the out of hours safe")
    add_element(r, "softHyphen")
    p.add_run("guarding team")
    deletion = OxmlElement("w:del")
    deletion.set(w("id"), "1"); deletion.set(w("author"), "Kath Nelson"); deletion.set(w("date"), "2021-06-01T00:00:00Z")
    deleted_run = OxmlElement("w:r"); deleted_text = OxmlElement("w:delText")
    deleted_text.text = " on two occasions"
    deleted_text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    deleted_run.append(deleted_text); deletion.append(deleted_run); p._p.append(deletion)
    insertion = OxmlElement("w:ins")
    insertion.set(w("id"), "2"); insertion.set(w("author"), "Kath Nelson"); insertion.set(w("date"), "2021-06-01T00:00:00Z")
    inserted_run = OxmlElement("w:r"); inserted_text = OxmlElement("w:t")
    inserted_text.text = " once"
    inserted_text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    inserted_run.append(inserted_text); insertion.append(inserted_run); p._p.append(insertion)
    r = p.add_run(".")
    add_element(r, "br")
    p.add_run("The record of the visit was brief.")
    expected.append((2, "paragraph",
                     "2.2 Child M was non-mobile and was seen by the out of hours safeguarding team once.\nThe record of the visit was brief."))

    document.add_paragraph()    # an empty paragraph: skipped

    # Page 3, by "page break before" on the heading rather than a break character.
    h = para("3. Key practice episodes", style="Heading 1", page=3, role="heading 1")
    h.paragraph_format.page_break_before = True
    para("3.4 A strategy discussion was not convened when Child M, who was non-mobile, was seen by the out of hours "
         "general practitioner with a bruise to the left cheek.", page=3)
    para("3.5 The out of hours doctor told the review that there was no time to discuss the case during a busy "
         "call-out shift.", page=3)
    para("3.10 Taken together, the episodes show a pattern in which each agency held a part of the picture.", page=3)
    para("4. Findings", style="Heading 1", page=3, role="heading 1")
    para("Bruising in a non-mobile baby was not referred in line with the protocol.", style="List Bullet", page=3)
    para("Screening decisions were not reviewed by a manager.", style="List Bullet", page=3)
    para("4.1 The review does not find that any one professional could have predicted the injuries.", page=3)
    para("Practitioners lacked consultation time.", style="List Number", page=3)
    para("Records were not linked.", style="List Number", page=3)

    data = io.BytesIO()
    document.save(data)
    # python-docx stamps the comment with the time of writing.
    comment_date = lambda name, content: (re.sub(rb'w:date="[^"]*"', b'w:date="2021-06-01T00:00:00Z"', content)
                                          if name == "word/comments.xml" else content)
    zipped = fixed_zip(data.getvalue(), comment_date)
    with open(os.path.join(HERE, "overview-report.docx"), "wb") as f:
        f.write(zipped)
    return expected


def fixed_zip(data, transform=None):
    """The same zip with fixed timestamps (python-docx stamps the time of writing), entries in their order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if transform:
                content = transform(info.filename, content)
            entry = zipfile.ZipInfo(info.filename, date_time=(2021, 6, 22, 9, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()


def write_docx_expected(expected):
    labels = list_labels(expected)
    with open(os.path.join(HERE, "overview-report.docx.expected.md"), "w", encoding="utf-8") as f:
        f.write("# overview-report.docx as a human reads it\n\n")
        f.write("Written by make-fixtures.py. One line per paragraph in document order, `[p<page>] <role>: <text>`; "
                "`\\n` is a line break (w:br) inside the paragraph. Pages come from the explicit page break after "
                "the title page and the \"page break before\" on heading 3. The List Number paragraphs use Word's "
                "automatic numbering (numId 5 in the default template, decimal \"%1.\"); their labels are shown as "
                "Word renders them. List Bullet paragraphs show as \"\u2022 \". Not content: the header part "
                "\"Serious Case Review: Child M\", the footer part \"" + FOOTER + "\" and the comment on 1.1 "
                "(\"Check the date of admission with the hospital trust.\", Kath Nelson). The empty paragraph after "
                "2.2 is not listed. Paragraph 2.2 has a tab after \"2.2\" (read as a space), a non-breaking hyphen "
                "in non-mobile, a soft hyphen in safeguarding, a tracked deletion \" on two occasions\" (not read) "
                "and a tracked insertion \" once\" (read).\n\n")
        for (page, role, text), label in zip(expected, labels):
            shown = (label + " " if label else "") + text
            f.write(f"[p{page}] {role}: {shown}".replace("\n", "\\n") + "\n")


def list_labels(expected):
    """Word's rendering of the numbered and bulleted paragraphs: List Number continues through the document."""
    labels, counter = [], 0
    for page, role, text in expected:
        labels.append(None)
    # The order of List Number / List Bullet paragraphs as written above.
    numbered = ["the period from the booking appointment to the admission;",
                "how information about the father's history was shared;",
                "whether the bruising protocol was followed.",
                "Practitioners lacked consultation time.", "Records were not linked."]
    bullets = ["Bruising in a non-mobile baby was not referred in line with the protocol.",
               "Screening decisions were not reviewed by a manager."]
    for i, (page, role, text) in enumerate(expected):
        if text in numbered:
            counter += 1
            labels[i] = f"{counter}."
        elif text in bullets:
            labels[i] = "\u2022"
    return labels


def damaged_docx():
    with open(os.path.join(HERE, "overview-report.docx"), "rb") as f:
        data = f.read()

    def cut(name, content):
        if name == "word/document.xml":
            text = content.decode("utf-8")
            middle = text.index("<w:t", len(text) // 2)
            return text[: middle + 3].encode("utf-8")       # ends inside "<w:t"
        return content

    with open(os.path.join(HERE, "damaged.docx"), "wb") as f:
        f.write(fixed_zip(data, cut))
    with open(os.path.join(HERE, "not-a-zip.docx"), "w", encoding="utf-8") as f:
        f.write("Serious Case Review: Child M\n\nThis is a plain text file that was given a .docx name.\n")


def notes_docx():
    """A short report whose text cites two footnotes and an endnote, as Word stores them: parts of their own, with
    the separator notes Word always keeps, marked in the text by references."""
    import docx

    document = docx.Document()
    document.add_paragraph("1.1 The review drew on the agencies' chronologies.FOOTNOTE1")
    document.add_paragraph("1.2 Health visiting records were incomplete.FOOTNOTE2 The GP record was not seen.ENDNOTE1")
    data = io.BytesIO()
    document.save(data)
    w_ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def note_part(kind, notes):
        body = "".join(f'<w:{kind} w:id="{i}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{kind}>' for i, text in notes)
        separators = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
                      f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>')
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s {w_ns}>{separators}{body}</w:{kind}s>'.encode()

    def reference(kind, note_id):
        return f'</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="{note_id}"/></w:r><w:r><w:t xml:space="preserve">'.encode()

    def add_notes(name, content):
        if name == "word/document.xml":
            content = content.replace(b"FOOTNOTE1", reference("footnote", 2)).replace(b"FOOTNOTE2", reference("footnote", 3))
            return content.replace(b"ENDNOTE1", reference("endnote", 2))
        if name == "word/_rels/document.xml.rels":
            return content.replace(b"</Relationships>",
                b'<Relationship Id="rIdNotes1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                b'<Relationship Id="rIdNotes2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/></Relationships>')
        if name == "[Content_Types].xml":
            return content.replace(b"</Types>",
                b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                b'<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/></Types>')
        return content

    zipped = io.BytesIO(fixed_zip(data.getvalue(), add_notes))
    source = zipfile.ZipFile(zipped)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        for name, part in (("word/footnotes.xml", note_part("footnote", [(2, "Chronologies were provided by six agencies."),
                                                                          (3, "The records for 2019 could not be found.")])),
                           ("word/endnotes.xml", note_part("endnote", [(2, "The GP practice closed in 2020.")]))):
            entry = zipfile.ZipInfo(name, date_time=(2021, 6, 22, 9, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, part)
    with open(os.path.join(HERE, "notes.docx"), "wb") as f:
        f.write(out.getvalue())


def copied_text():
    """The overview report as PDF-to-text sites serve it: poppler's plain and layout text, page breaks dropped."""
    import subprocess
    for mode, name in ((["-raw"], "overview-report.copied.txt"), (["-layout"], "overview-report.copied-layout.txt")):
        text = subprocess.run(["pdftotext", *mode, "-enc", "UTF-8", "-eol", "unix", os.path.join(HERE, "overview-report.pdf"), "-"],
                              check=True, capture_output=True, text=True).stdout
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            f.write(text.replace("\f", ""))


if __name__ == "__main__":
    overview_report()
    copied_text()
    scanned_pdfs()
    encrypted_pdf()
    truncated_pdf()
    write_docx_expected(overview_docx())
    damaged_docx()
    notes_docx()
