//! Pages of the copy: blocks of wrapped text placed top to bottom, never split, then a second
//! pass that writes "Page N de M" once the number of pages is known.
//!
//! `engine.rs` is the generic part (blocks, pagination, drawing in PDF), `blocks.rs` this
//! document's blocks; this file sets the page and assembles them into device-independent pages
//! ([`super::page`]), which the PDF and the Windows printer both draw.

mod blocks;
mod engine;

use printpdf::PdfDocument;

use super::Paper;
use super::content::Content;
use super::fonts::{self, Weight, text_width};
use super::page::{Group, Page, Pages};
use super::sign::BoxPlacement;
use crate::i18n::Localizer;
use blocks::{Frame, MUTED, RED, blocks, draft_band};
use engine::{Item, paginate};

const MARGIN: f32 = 54.0;
const TOP: f32 = 48.0;
const BOTTOM: f32 = 60.0;
const FOOTER_BASELINE: f32 = 32.0;

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.276, 841.89),
        }
    }
}

/// The laid-out copy: its pages, and where the signature box is.
pub(crate) struct Laid {
    pub pages: Pages,
    pub signature_box: BoxPlacement,
}

/// The PDF document of laid-out pages.
pub(crate) fn pdf(pages: &Pages, title: &str) -> PdfDocument {
    engine::document(pages, title)
}

/// Lays out the copy on pages of `paper`.
pub(crate) fn lay_out(c: &Content, l: &Localizer, paper: Paper) -> Laid {
    let (width, height) = paper.size();
    let f = Frame {
        height,
        content_width: width - 2.0 * MARGIN,
    };
    let band = c.draft_mark.as_deref().map(|m| draft_band(m, &f));
    let header = if band.is_some() { 32.0 } else { 0.0 };
    let placed_pages = paginate(blocks(c, &f), TOP + header, f.height - BOTTOM);
    let count = placed_pages.len();

    let mut signature_box = BoxPlacement {
        page: count - 1,
        x: MARGIN,
        y: BOTTOM,
        width: f.content_width,
        height: 80.0,
    };
    let mut pages = Vec::with_capacity(count);
    for (index, placed) in placed_pages.into_iter().enumerate() {
        let mut groups = Vec::with_capacity(placed.len() + 2);
        if let Some(band) = &band {
            groups.push(Group {
                x: MARGIN,
                top: TOP - 6.0,
                items: band.clone(),
            });
        }
        for p in placed {
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
            groups.push(Group {
                x: MARGIN,
                top: p.top,
                items: p.block.items,
            });
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
        groups.push(Group {
            x: MARGIN,
            top: height - FOOTER_BASELINE,
            items: footer,
        });
        pages.push(Page { groups });
    }
    debug_assert!(fonts::has_glyph(Weight::Regular, 'é'));
    Laid {
        pages: Pages {
            width,
            height,
            pages,
        },
        signature_box,
    }
}
