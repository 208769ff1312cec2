//! The generic part of the layout: blocks of wrapped text, lines and boxes that are never split
//! across pages, placed top to bottom, then drawn as printpdf operations. Nothing here knows what
//! the copy says (that is `blocks.rs`).

use std::sync::OnceLock;

use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, Point,
    Pt, Rect, Rgb, TextItem, TextMatrix,
};

use crate::pdf::fonts::{BOLD_TTF, REGULAR_TTF, Weight, wrap};
pub(super) use crate::pdf::page::Item;
use crate::pdf::page::Pages;

/// How a paragraph's text looks.
#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    pub weight: Weight,
    pub size: f32,
    pub color: (f32, f32, f32),
}

pub(super) fn style(weight: Weight, size: f32, color: (f32, f32, f32)) -> Style {
    Style {
        weight,
        size,
        color,
    }
}

/// Content that stays on one page.
#[derive(Debug, Clone, Default)]
pub(super) struct Block {
    pub height: f32,
    pub items: Vec<Item>,
    /// A heading: never left alone at the bottom of a page.
    pub keep_with_next: bool,
    /// This block is the visible digital signature box.
    pub signature_box: bool,
}

impl Block {
    /// Wrapped lines at (x, top + first baseline); returns the height used.
    pub(super) fn paragraph(
        &mut self,
        x: f32,
        top: f32,
        width: f32,
        text: &str,
        style: Style,
    ) -> f32 {
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

/// Moves every item of a block down by `dy`.
pub(super) fn shift(b: &mut Block, dy: f32) {
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

/// A block placed on a page: its top, measured down from the page's top edge.
pub(super) struct Placed {
    pub block: Block,
    pub top: f32,
}

/// First pass: which block goes on which page. Each page's blocks start at `start` and end above
/// `limit` (both measured down from the page's top edge); a block taller than a page still gets a
/// page of its own.
pub(super) fn paginate(blocks: Vec<Block>, start: f32, limit: f32) -> Vec<Vec<Placed>> {
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
    pub regular: printpdf::FontId,
    pub bold: printpdf::FontId,
}

impl Fonts {
    fn handle(&self, w: Weight) -> PdfFontHandle {
        PdfFontHandle::External(match w {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        })
    }
}

/// Drawing operations for items of a group whose origin is (`x0`, `top`) (from the page's top
/// left corner).
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

/// The PDF document of the pages: each group drawn in order, with the bundled fonts.
pub(super) fn document(pages: &Pages, title: &str) -> PdfDocument {
    let mut doc = PdfDocument::new(title);
    let (regular, bold) = parsed_fonts();
    let fonts = Fonts {
        regular: doc.add_font(regular),
        bold: doc.add_font(bold),
    };
    let (width, height) = (pages.width, pages.height);
    let pdf_pages = pages
        .pages
        .iter()
        .map(|page| {
            let mut ops = Vec::new();
            for g in &page.groups {
                draw(&g.items, g.x, g.top, height, &fonts, &mut ops);
            }
            PdfPage {
                media_box: Rect::from_wh(Pt(width), Pt(height)),
                trim_box: Rect::from_wh(Pt(width), Pt(height)),
                crop_box: Rect::from_wh(Pt(width), Pt(height)),
                ops,
            }
        })
        .collect();
    doc.with_pages(pdf_pages);
    doc
}

/// The bundled fonts, parsed once.
fn parsed_fonts() -> &'static (ParsedFont, ParsedFont) {
    static FONTS: OnceLock<(ParsedFont, ParsedFont)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let parse =
            |bytes| ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("bundled font parses");
        (parse(REGULAR_TTF), parse(BOLD_TTF))
    })
}
