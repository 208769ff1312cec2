//! Pages of the copy: blocks of wrapped text placed top to bottom, never split, then a second
//! pass that writes "Page N de M" once the number of pages is known.

use std::sync::OnceLock;

use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, Point,
    Pt, Rect, Rgb, TextItem, TextMatrix,
};

use super::Paper;
use super::content::{Content, Row, Section};
use super::fonts::{self, BOLD_TTF, REGULAR_TTF, Weight, text_width, wrap};
use super::sign::BoxPlacement;
use crate::i18n::Localizer;

const MARGIN: f32 = 54.0;
const TOP: f32 = 48.0;
const BOTTOM: f32 = 60.0;
const FOOTER_BASELINE: f32 = 32.0;
const BODY: f32 = 10.0;
const ROW_GAP: f32 = 4.0;

const INK: (f32, f32, f32) = (0.1, 0.1, 0.12);
const MUTED: (f32, f32, f32) = (0.38, 0.38, 0.42);
/// The Québec government's blue (#095797).
const BLUE: (f32, f32, f32) = (0.035, 0.341, 0.592);
const RED: (f32, f32, f32) = (0.75, 0.08, 0.08);
const RULE: (f32, f32, f32) = (0.75, 0.78, 0.82);

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.276, 841.89),
        }
    }
}

/// A drawing instruction, with `y` measured downwards from the top of its block.
#[derive(Debug, Clone)]
enum Item {
    Text {
        x: f32,
        baseline: f32,
        text: String,
        weight: Weight,
        size: f32,
        color: (f32, f32, f32),
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: (f32, f32, f32),
    },
    Rect {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        fill: Option<(f32, f32, f32)>,
        stroke: Option<(f32, f32, f32)>,
    },
}

/// How a paragraph's text looks.
#[derive(Debug, Clone, Copy)]
struct Style {
    weight: Weight,
    size: f32,
    color: (f32, f32, f32),
}

fn style(weight: Weight, size: f32, color: (f32, f32, f32)) -> Style {
    Style {
        weight,
        size,
        color,
    }
}

/// Content that stays on one page.
#[derive(Debug, Clone, Default)]
struct Block {
    height: f32,
    items: Vec<Item>,
    /// A heading: never left alone at the bottom of a page.
    keep_with_next: bool,
    /// This block is the visible digital signature box.
    signature_box: bool,
}

impl Block {
    /// Wrapped lines at (x, top + first baseline); returns the height used.
    fn paragraph(&mut self, x: f32, top: f32, width: f32, text: &str, style: Style) -> f32 {
        let Style {
            weight,
            size,
            color,
        } = style;
        let leading = size * 1.3;
        let lines = wrap(text, weight, size, width);
        for (i, line) in lines.iter().enumerate() {
            self.items.push(Item::Text {
                x,
                baseline: top + size + i as f32 * leading,
                text: line.clone(),
                weight,
                size,
                color,
            });
        }
        lines.len() as f32 * leading
    }
}

struct Frame {
    height: f32,
    content_width: f32,
}

impl Frame {
    fn label_width(&self) -> f32 {
        (self.content_width * 0.36).round()
    }
}

fn title_block(c: &Content, f: &Frame) -> Block {
    let mut b = Block::default();
    let mut y = b.paragraph(
        0.0,
        0.0,
        f.content_width,
        &c.title,
        style(Weight::Bold, 16.0, BLUE),
    );
    y += 4.0;
    y += b.paragraph(
        0.0,
        y,
        f.content_width,
        &c.subtitle,
        style(Weight::Regular, BODY, MUTED),
    );
    y += 8.0;
    b.items.push(Item::Line {
        x1: 0.0,
        y1: y,
        x2: f.content_width,
        y2: y,
        width: 1.5,
        color: BLUE,
    });
    b.height = y + 10.0;
    b
}

/// A label and its value side by side, between `x0` and `right` inset from the frame's edges.
fn row_block(r: &Row, f: &Frame, x0: f32, right: f32) -> Block {
    let mut b = Block::default();
    let label_w = f.label_width() - x0;
    let value_x = f.label_width() + 10.0;
    let value_w = f.content_width - right - value_x;
    let h_label = b.paragraph(
        x0,
        0.0,
        label_w - 8.0,
        &r.label,
        style(Weight::Regular, BODY, MUTED),
    );
    let color = if r.missing { MUTED } else { INK };
    let weight = if r.missing {
        Weight::Regular
    } else {
        Weight::Bold
    };
    let h_value = b.paragraph(value_x, 0.0, value_w, &r.value, style(weight, BODY, color));
    b.height = h_label.max(h_value) + ROW_GAP;
    b
}

fn heading_block(title: &str, f: &Frame, color: (f32, f32, f32)) -> Block {
    let mut b = Block {
        keep_with_next: true,
        ..Block::default()
    };
    let top = 10.0;
    let h = b.paragraph(
        0.0,
        top,
        f.content_width,
        title,
        style(Weight::Bold, 12.0, color),
    );
    let rule = top + h + 2.0;
    b.items.push(Item::Line {
        x1: 0.0,
        y1: rule,
        x2: f.content_width,
        y2: rule,
        width: 0.5,
        color: RULE,
    });
    b.height = rule + 7.0;
    b
}

/// A section stays on one page (the longest has a dozen rows); its heading is never orphaned.
fn section_block(s: &Section, f: &Frame) -> Block {
    let mut b = heading_block(&s.title, f, BLUE);
    b.keep_with_next = false;
    for r in &s.rows {
        let mut row = row_block(r, f, 0.0, 0.0);
        shift(&mut row, b.height);
        b.items.extend(row.items);
        b.height += row.height;
    }
    b
}

fn problem_blocks(c: &Content, problems: &Section, f: &Frame, out: &mut Vec<Block>) {
    out.push(heading_block(&problems.title, f, RED));
    let mut intro = Block::default();
    intro.height = intro.paragraph(
        0.0,
        0.0,
        f.content_width,
        &c.draft_explanation,
        style(Weight::Regular, BODY, INK),
    ) + ROW_GAP;
    out.push(intro);
    for p in &problems.rows {
        let mut b = Block::default();
        b.items.push(Item::Text {
            x: 4.0,
            baseline: BODY,
            text: "•".into(),
            weight: Weight::Regular,
            size: BODY,
            color: RED,
        });
        b.height = b.paragraph(
            16.0,
            0.0,
            f.content_width - 16.0,
            &p.value,
            style(Weight::Regular, BODY, INK),
        ) + ROW_GAP;
        out.push(b);
    }
}

/// Name, function, then lines to write the date and sign on.
fn hand_block(c: &Content, f: &Frame) -> Block {
    // Kept with the digital signature box: the two signatures go together.
    let mut b = heading_block(&c.hand_title, f, BLUE);
    let mut y = b.height;
    for r in &c.hand_rows {
        let mut row = row_block(r, f, 0.0, 0.0);
        shift(&mut row, y);
        b.items.extend(row.items);
        y += row.height;
    }
    for (label, line_len) in [(&c.hand_date, 160.0), (&c.hand_signature, 260.0)] {
        y += 22.0;
        b.items.push(Item::Text {
            x: 0.0,
            baseline: y,
            text: label.clone(),
            weight: Weight::Regular,
            size: BODY,
            color: MUTED,
        });
        let x = f.label_width() + 10.0;
        b.items.push(Item::Line {
            x1: x,
            y1: y + 2.0,
            x2: (x + line_len).min(f.content_width),
            y2: y + 2.0,
            width: 0.7,
            color: INK,
        });
    }
    b.height = y + 12.0;
    b
}

/// The framed box describing the digital signature; the signature widget covers it.
fn digital_block(c: &Content, f: &Frame) -> Block {
    let pad = 10.0;
    let mut inner = Block::default();
    let mut y = pad;
    y += inner.paragraph(
        pad,
        y,
        f.content_width - 2.0 * pad,
        &c.digital_title,
        style(Weight::Bold, 11.0, BLUE),
    ) + 4.0;
    for r in &c.digital_rows {
        let mut row = row_block(r, f, pad, pad);
        shift(&mut row, y);
        inner.items.extend(row.items);
        y += row.height;
    }
    y += 2.0;
    y += inner.paragraph(
        pad,
        y,
        f.content_width - 2.0 * pad,
        &c.digital_note,
        style(Weight::Regular, 8.5, MUTED),
    );
    y += pad;
    let mut b = Block {
        height: y + 14.0,
        signature_box: true,
        ..Block::default()
    };
    b.items.push(Item::Rect {
        x: 0.0,
        top: 0.0,
        width: f.content_width,
        height: y,
        fill: Some((0.95, 0.97, 0.99)),
        stroke: Some(BLUE),
    });
    b.items.extend(inner.items);
    b
}

fn shift(b: &mut Block, dy: f32) {
    for item in &mut b.items {
        match item {
            Item::Text { baseline, .. } => *baseline += dy,
            Item::Line { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
            Item::Rect { top, .. } => *top += dy,
        }
    }
}

fn blocks(c: &Content, f: &Frame) -> Vec<Block> {
    let mut out = vec![title_block(c, f)];
    out.extend(c.summary.iter().map(|r| row_block(r, f, 0.0, 0.0)));
    if let Some(problems) = &c.problems {
        problem_blocks(c, problems, f, &mut out);
    }
    out.extend(c.sections.iter().map(|s| section_block(s, f)));
    out.push(hand_block(c, f));
    out.push(digital_block(c, f));
    out
}

/// A block placed on a page: its top, measured down from the page's top edge.
struct Placed {
    block: Block,
    top: f32,
}

/// First pass: which block goes on which page.
fn paginate(blocks: Vec<Block>, f: &Frame, header: f32) -> Vec<Vec<Placed>> {
    let start = TOP + header;
    let limit = f.height - BOTTOM;
    let heights: Vec<f32> = blocks.iter().map(|b| b.height).collect();
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    let mut y = start;
    for (i, block) in blocks.into_iter().enumerate() {
        let mut needed = block.height;
        if block.keep_with_next {
            needed += heights.get(i + 1).copied().unwrap_or(0.0);
        }
        let page_has_content = pages.last().is_some_and(|p| !p.is_empty());
        if y + needed > limit && page_has_content {
            pages.push(Vec::new());
            y = start;
        }
        let height = block.height;
        if let Some(page) = pages.last_mut() {
            page.push(Placed { block, top: y });
        }
        y += height;
    }
    pages
}

fn rgb((r, g, b): (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

struct Fonts {
    regular: printpdf::FontId,
    bold: printpdf::FontId,
}

impl Fonts {
    fn handle(&self, w: Weight) -> PdfFontHandle {
        PdfFontHandle::External(match w {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        })
    }
}

/// Drawing operations for items of a block whose top is at `top` (from the page's top edge).
fn draw(items: &[Item], x0: f32, top: f32, page_height: f32, fonts: &Fonts, ops: &mut Vec<Op>) {
    let y_of = |dy: f32| page_height - top - dy;
    for item in items {
        match item {
            Item::Text {
                x,
                baseline,
                text,
                weight,
                size,
                color,
            } => {
                if text.is_empty() {
                    continue;
                }
                ops.extend([
                    Op::StartTextSection,
                    Op::SetFont {
                        font: fonts.handle(*weight),
                        size: Pt(*size),
                    },
                    Op::SetFillColor { col: rgb(*color) },
                    Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(Pt(x0 + x), Pt(y_of(*baseline))),
                    },
                    Op::ShowText {
                        items: vec![TextItem::Text(text.clone())],
                    },
                    Op::EndTextSection,
                ]);
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => {
                let point = |x: f32, y: f32| LinePoint {
                    p: Point {
                        x: Pt(x0 + x),
                        y: Pt(y_of(y)),
                    },
                    bezier: false,
                };
                ops.extend([
                    Op::SetOutlineColor { col: rgb(*color) },
                    Op::SetOutlineThickness { pt: Pt(*width) },
                    Op::DrawLine {
                        line: Line {
                            points: vec![point(*x1, *y1), point(*x2, *y2)],
                            is_closed: false,
                        },
                    },
                ]);
            }
            Item::Rect {
                x,
                top: rect_top,
                width,
                height,
                fill,
                stroke,
            } => {
                let mode = match (fill, stroke) {
                    (Some(_), Some(_)) => PaintMode::FillStroke,
                    (Some(_), None) => PaintMode::Fill,
                    _ => PaintMode::Stroke,
                };
                if let Some(c) = fill {
                    ops.push(Op::SetFillColor { col: rgb(*c) });
                }
                if let Some(c) = stroke {
                    ops.push(Op::SetOutlineColor { col: rgb(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(1.0) });
                }
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(x0 + x),
                        y: Pt(y_of(rect_top + height)),
                        width: Pt(*width),
                        height: Pt(*height),
                        mode: Some(mode),
                        winding_order: None,
                    },
                });
            }
        }
    }
}

/// The red band of an incomplete draft, at the top of every page.
fn draft_band(mark: &str, f: &Frame) -> Vec<Item> {
    let height = 22.0;
    vec![
        Item::Rect {
            x: 0.0,
            top: 0.0,
            width: f.content_width,
            height,
            fill: Some(RED),
            stroke: None,
        },
        Item::Text {
            x: (f.content_width - text_width(mark, Weight::Bold, 12.0)) / 2.0,
            baseline: 15.5,
            text: mark.to_string(),
            weight: Weight::Bold,
            size: 12.0,
            color: (1.0, 1.0, 1.0),
        },
    ]
}

fn parsed_fonts() -> &'static (ParsedFont, ParsedFont) {
    static FONTS: OnceLock<(ParsedFont, ParsedFont)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let parse =
            |bytes| ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("bundled font parses");
        (parse(REGULAR_TTF), parse(BOLD_TTF))
    })
}

/// The laid-out document: pages, and where the signature box is.
pub(crate) struct Laid {
    pub doc: PdfDocument,
    pub signature_box: BoxPlacement,
}

/// Lays out the copy on pages of `paper`.
pub(crate) fn lay_out(c: &Content, l: &Localizer, paper: Paper, title: &str) -> Laid {
    let (width, height) = paper.size();
    let f = Frame {
        height,
        content_width: width - 2.0 * MARGIN,
    };
    let band = c.draft_mark.as_deref().map(|m| draft_band(m, &f));
    let header = if band.is_some() { 32.0 } else { 0.0 };
    let pages = paginate(blocks(c, &f), &f, header);
    let count = pages.len();

    let mut doc = PdfDocument::new(title);
    let (regular, bold) = parsed_fonts();
    let fonts = Fonts {
        regular: doc.add_font(regular),
        bold: doc.add_font(bold),
    };
    let mut signature_box = BoxPlacement {
        page: count - 1,
        x: MARGIN,
        y: BOTTOM,
        width: f.content_width,
        height: 80.0,
    };
    let mut pdf_pages = Vec::with_capacity(count);
    for (index, placed) in pages.iter().enumerate() {
        let mut ops = Vec::new();
        if let Some(band) = &band {
            draw(band, MARGIN, TOP - 6.0, height, &fonts, &mut ops);
        }
        for p in placed {
            draw(&p.block.items, MARGIN, p.top, height, &fonts, &mut ops);
            if p.block.signature_box
                && let Some(Item::Rect {
                    width: w,
                    height: h,
                    ..
                }) = p.block.items.first()
            {
                signature_box = BoxPlacement {
                    page: index,
                    x: MARGIN,
                    y: height - p.top - h,
                    width: *w,
                    height: *h,
                };
            }
        }
        // Second pass: the footer knows the number of pages.
        let label = l.t_args(
            "pdf-page",
            &[("number", (index + 1).into()), ("count", count.into())],
        );
        let mut footer = vec![Item::Text {
            x: f.content_width - text_width(&label, Weight::Regular, 9.0),
            baseline: 0.0,
            text: label,
            weight: Weight::Regular,
            size: 9.0,
            color: MUTED,
        }];
        if let Some(mark) = &c.draft_mark {
            footer.push(Item::Text {
                x: 0.0,
                baseline: 0.0,
                text: mark.clone(),
                weight: Weight::Bold,
                size: 9.0,
                color: RED,
            });
        }
        draw(
            &footer,
            MARGIN,
            height - FOOTER_BASELINE,
            height,
            &fonts,
            &mut ops,
        );
        pdf_pages.push(PdfPage {
            media_box: Rect::from_wh(Pt(width), Pt(height)),
            trim_box: Rect::from_wh(Pt(width), Pt(height)),
            crop_box: Rect::from_wh(Pt(width), Pt(height)),
            ops,
        });
    }
    doc.with_pages(pdf_pages);
    debug_assert!(fonts::has_glyph(Weight::Regular, 'é'));
    Laid { doc, signature_box }
}
