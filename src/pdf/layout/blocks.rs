//! This document's blocks: the title, each answer as a label and its value, the sections, the
//! problems of an incomplete draft, the handwritten signature lines and the digital signature box,
//! in the Québec government's colours.

use super::engine::{Block, Item, shift, style};
use crate::pdf::content::{Content, Row, Section};
use crate::pdf::fonts::{Weight, text_width};

const BODY: f32 = 10.0;
const ROW_GAP: f32 = 4.0;

const INK: (f32, f32, f32) = (0.1, 0.1, 0.12);
pub(super) const MUTED: (f32, f32, f32) = (0.38, 0.38, 0.42);
/// The Québec government's blue (#095797).
const BLUE: (f32, f32, f32) = (0.035, 0.341, 0.592);
pub(super) const RED: (f32, f32, f32) = (0.75, 0.08, 0.08);
const RULE: (f32, f32, f32) = (0.75, 0.78, 0.82);

/// The page's writable area.
pub(super) struct Frame {
    pub height: f32,
    pub content_width: f32,
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

/// Every block of the copy, in reading order.
pub(super) fn blocks(c: &Content, f: &Frame) -> Vec<Block> {
    let mut out = vec![title_block(c, f)];
    out.push(summary_block(c, f));
    if let Some(problems) = &c.problems {
        problem_blocks(c, problems, f, &mut out);
    }
    out.extend(c.sections.iter().map(|s| section_block(s, f)));
    out.push(hand_block(c, f));
    out.push(digital_block(c, f));
    out.push(contact_block(c, f));
    out
}

/// The side of the QR code, in points (1.2 in): at most 53 modules of 1.6 pt or more, which
/// a phone reads from a printed page and `zbarimg` from a 200 dpi rendering.
const QR_SIDE: f32 = 86.0;
/// Space between the rows and the code.
const QR_GAP: f32 = 16.0;

/// Status, numéro and dates on the left; the QR code, with its caption, at the right margin.
fn summary_block(c: &Content, f: &Frame) -> Block {
    let Some((width, dark)) = c.qr.as_deref().and_then(crate::pdf::qr::modules) else {
        let mut b = Block::default();
        for r in &c.summary {
            let mut row = row_block(r, f, 0.0, 0.0);
            shift(&mut row, b.height);
            b.items.extend(row.items);
            b.height += row.height;
        }
        return b;
    };
    let mut b = Block::default();
    let mut y = 0.0;
    for r in &c.summary {
        let mut row = row_block(r, f, 0.0, QR_SIDE + QR_GAP);
        shift(&mut row, y);
        b.items.extend(row.items);
        y += row.height;
    }
    let module = QR_SIDE / width as f32;
    let left = f.content_width - QR_SIDE;
    // One rectangle per run of dark modules in a row; a hair taller than a module, so that
    // renderers leave no light seam between rows.
    for (row, cells) in dark.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if !cells[x] {
                x += 1;
                continue;
            }
            let run = cells[x..].iter().take_while(|&&d| d).count();
            b.items.push(Item::Rect {
                x: left + x as f32 * module,
                top: row as f32 * module,
                width: run as f32 * module,
                height: module + 0.05,
                fill: Some((0.0, 0.0, 0.0)),
                stroke: None,
            });
            x += run;
        }
    }
    let caption = b.paragraph(
        left,
        QR_SIDE + 3.0,
        QR_SIDE,
        &c.qr_caption,
        style(Weight::Regular, 7.0, MUTED),
    );
    b.height = y.max(QR_SIDE + 3.0 + caption) + ROW_GAP;
    b
}

/// Whom to call, at the end: the heading, then the contact's lines in small grey type.
fn contact_block(c: &Content, f: &Frame) -> Block {
    let mut b = heading_block(&c.contact_title, f, BLUE);
    b.keep_with_next = false;
    let mut y = b.height;
    for line in &c.contact_lines {
        y += b.paragraph(
            0.0,
            y,
            f.content_width,
            line,
            style(Weight::Regular, 8.5, MUTED),
        );
    }
    b.height = y + ROW_GAP;
    b
}

/// The red band of an incomplete draft, at the top of every page.
pub(super) fn draft_band(mark: &str, f: &Frame) -> Vec<Item> {
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
