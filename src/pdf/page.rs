//! The copy's pages, device-independent: text, lines and boxes positioned in points from each
//! page's top-left corner. The layout makes them once; the PDF (`layout::pdf`) and the Windows
//! printer (`print::gdi`) both draw them, so that paper printed without a PDF reader shows what
//! the file shows.

use crate::pdf::fonts::Weight;

/// A colour, red, green and blue from 0 to 1.
pub type Rgb = (f32, f32, f32);

/// A drawing instruction. In a [`Group`], `x` and `y` are measured from the group's origin; from
/// [`Page::items`], from the page's top-left corner. `y` grows downwards.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// One line of text, left-aligned at `x`, on its baseline.
    Text {
        x: f32,
        baseline: f32,
        text: String,
        weight: Weight,
        size: f32,
        color: Rgb,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
    /// A box, filled and/or outlined with a 1 pt line.
    Rect {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        fill: Option<Rgb>,
        stroke: Option<Rgb>,
    },
}

impl Item {
    /// The same item moved by (`dx`, `dy`).
    pub fn moved(&self, dx: f32, dy: f32) -> Item {
        let mut item = self.clone();
        match &mut item {
            Item::Text { x, baseline, .. } => {
                *x += dx;
                *baseline += dy;
            }
            Item::Line { x1, y1, x2, y2, .. } => {
                *x1 += dx;
                *x2 += dx;
                *y1 += dy;
                *y2 += dy;
            }
            Item::Rect { x, top, .. } => {
                *x += dx;
                *top += dy;
            }
        }
        item
    }
}

/// Items laid out together (a block, the footer, the draft band), relative to an origin `x`,
/// `top` on the page. Kept apart rather than added up so that the PDF computes each coordinate
/// as it always has, to the last bit (`(height - top) - y`, not `height - (top + y)`).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub x: f32,
    pub top: f32,
    pub items: Vec<Item>,
}

/// One page, drawn group after group.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub groups: Vec<Group>,
}

impl Page {
    /// Every item, in drawing order, positioned from the page's top-left corner.
    pub fn items(&self) -> impl Iterator<Item = Item> + '_ {
        self.groups
            .iter()
            .flat_map(|g| g.items.iter().map(|i| i.moved(g.x, g.top)))
    }

    /// The lines of text of the page, in drawing order (empty ones left out).
    pub fn texts(&self) -> Vec<&str> {
        self.groups
            .iter()
            .flat_map(|g| &g.items)
            .filter_map(|i| match i {
                Item::Text { text, .. } if !text.is_empty() => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// The pages of a copy, all of one size (points).
#[derive(Debug, Clone, PartialEq)]
pub struct Pages {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_placed_from_the_page_corner() {
        let page = Page {
            groups: vec![Group {
                x: 54.0,
                top: 100.0,
                items: vec![
                    Item::Text {
                        x: 10.0,
                        baseline: 12.0,
                        text: "Hélène".into(),
                        weight: Weight::Bold,
                        size: 10.0,
                        color: (0.0, 0.0, 0.0),
                    },
                    Item::Line {
                        x1: 0.0,
                        y1: 20.0,
                        x2: 100.0,
                        y2: 20.0,
                        width: 1.0,
                        color: (0.0, 0.0, 0.0),
                    },
                    Item::Text {
                        x: 0.0,
                        baseline: 30.0,
                        text: String::new(),
                        weight: Weight::Regular,
                        size: 10.0,
                        color: (0.0, 0.0, 0.0),
                    },
                ],
            }],
        };
        let items: Vec<Item> = page.items().collect();
        assert!(matches!(
            &items[0],
            Item::Text { x, baseline, .. } if *x == 64.0 && *baseline == 112.0
        ));
        assert!(matches!(
            items[1],
            Item::Line {
                x1: 54.0,
                y1: 120.0,
                x2: 154.0,
                y2: 120.0,
                ..
            }
        ));
        assert_eq!(page.texts(), ["Hélène"]);
    }
}
