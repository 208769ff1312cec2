//! Long lists that build only the rows in view: the drafts list and the trash on the home
//! screen may hold thousands of designations, and every row built costs memory (its texts are
//! shaped and kept) and time on every frame, whether it is on screen or not.
//!
//! The page scrollable reports where it is (`Message::PageScrolled`); each list knows where its
//! first row sits in the page (measured with [`measure_lists`] after a change) and has rows of
//! one fixed height, so the rows in view are a simple computation. Rows above and below are
//! replaced by empty space of the same height: the scroll bar and the page's length stay true.
//! A margin of rows on both sides keeps Tab and Shift+Tab working: the next row is always built,
//! and the scroll that brings it into view builds the ones after it.

use std::ops::Range;

use iced::advanced::widget::operation::{Operation, Outcome};
use iced::advanced::widget::{self};
use iced::widget::Id;
use iced::{Rectangle, Task, Vector};

use super::focus;

/// Rows built beyond each edge of the view.
pub const MARGIN_ROWS: usize = 3;

/// The part of the page on screen, in the page content's coordinates, and the page's width
/// (rows are laid out by it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageView {
    pub top: f32,
    pub height: f32,
    pub width: f32,
}

impl Default for PageView {
    /// Before the page has reported: the top of a window of the default size.
    fn default() -> Self {
        PageView {
            top: 0.0,
            height: 768.0,
            width: 1024.0,
        }
    }
}

/// A list on the page whose rows are built only when near the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    Drafts,
    Trash,
}

impl List {
    pub const ALL: [List; 2] = [List::Drafts, List::Trash];

    /// The id of the container that holds the list's rows.
    pub fn id(self) -> &'static str {
        match self {
            List::Drafts => "drafts_rows",
            List::Trash => "trash_rows",
        }
    }
}

/// A control of a row that has focus: which list, which row (among those the list shows), which
/// of the row's controls. Tab and Shift+Tab move it by this, not by the widgets' positions in
/// the tree, which change as rows are built and dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowFocus {
    pub list: List,
    pub row: usize,
    pub control: usize,
}

impl RowFocus {
    /// The control `delta` steps away (Tab: +1, Shift+Tab: −1) in a list of `rows` rows with
    /// `controls` controls each, or `None` past either end.
    pub fn step(self, delta: isize, rows: usize, controls: usize) -> Option<RowFocus> {
        let at = (self.row * controls + self.control) as isize + delta;
        let next = usize::try_from(at).ok().filter(|&n| n < rows * controls)?;
        Some(RowFocus {
            row: next / controls,
            control: next % controls,
            ..self
        })
    }
}

/// The page's top that shows row `row` (with `margin` pixels of room), or `None` if it already
/// shows.
pub fn reveal_row(
    row: usize,
    pitch: f32,
    list_top: f32,
    view: PageView,
    margin: f32,
) -> Option<f32> {
    let top = list_top + row as f32 * pitch;
    let bottom = top + pitch;
    if top - margin < view.top {
        Some((top - margin).max(0.0))
    } else if bottom + margin > view.top + view.height {
        Some(bottom + margin - view.height)
    } else {
        None
    }
}

/// Where each list's first row sits in the page, once measured.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ListTops {
    pub drafts: Option<f32>,
    pub trash: Option<f32>,
}

impl ListTops {
    pub fn get(&self, list: List) -> Option<f32> {
        match list {
            List::Drafts => self.drafts,
            List::Trash => self.trash,
        }
    }
}

/// The rows of a list of `count` rows, each `pitch` pixels from the next, whose first row is at
/// `list_top` in the page, that are in `view` or within `margin` rows of it.
pub fn rows_in_view(
    count: usize,
    pitch: f32,
    list_top: f32,
    view: PageView,
    margin: usize,
) -> Range<usize> {
    if count == 0 || pitch <= 0.0 || !pitch.is_finite() {
        return 0..count;
    }
    let from = ((view.top - list_top) / pitch).floor();
    let to = ((view.top + view.height - list_top) / pitch).ceil();
    let clamp = |x: f32| -> usize {
        if x.is_nan() || x <= 0.0 {
            0
        } else {
            (x as usize).min(count)
        }
    };
    let start = clamp(from).saturating_sub(margin);
    let end = clamp(to).saturating_add(margin).min(count);
    if start >= end {
        // The list is wholly above or below the view: build the margin nearest it, so Tab can
        // still enter it.
        return if clamp(to) == 0 {
            0..margin.min(count)
        } else {
            count.saturating_sub(margin)..count
        };
    }
    start..end
}

/// What a measure found: the page's visible part, and where each list's rows begin.
type Measured = (Option<PageView>, ListTops);

/// Finds the page's visible part (its real, clamped offset: a stale one would leave rows in
/// view unbuilt when the page shrinks) and where each list's rows begin in it.
fn measure() -> impl Operation<Measured> {
    #[derive(Default)]
    struct Measure {
        content: Option<Rectangle>,
        page: Option<PageView>,
        tops: ListTops,
    }

    impl Operation<Measured> for Measure {
        fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<Measured>)) {
            operate(self);
        }

        fn scrollable(
            &mut self,
            id: Option<&Id>,
            bounds: Rectangle,
            content_bounds: Rectangle,
            translation: Vector,
            _state: &mut dyn widget::operation::Scrollable,
        ) {
            if id.is_some_and(|id| *id == Id::new(focus::PAGE)) {
                self.content = Some(content_bounds);
                self.page = Some(PageView {
                    top: translation.y,
                    height: bounds.height,
                    width: bounds.width,
                });
            }
        }

        fn container(&mut self, id: Option<&Id>, bounds: Rectangle) {
            let (Some(id), Some(content)) = (id, self.content) else {
                return;
            };
            for list in List::ALL {
                if *id == Id::new(list.id()) {
                    let top = Some(bounds.y - content.y);
                    match list {
                        List::Drafts => self.tops.drafts = top,
                        List::Trash => self.tops.trash = top,
                    }
                }
            }
        }

        fn finish(&self) -> Outcome<Measured> {
            Outcome::Some((self.page, self.tops))
        }
    }

    Measure::default()
}

/// Measures the page and where the lists begin, and reports it.
pub fn measure_lists<M: Send + 'static>(
    on_measured: fn(Option<PageView>, ListTops) -> M,
) -> Task<M> {
    iced::advanced::widget::operate(measure()).map(move |(page, tops)| on_measured(page, tops))
}

/// Gives focus back to `target` after other rows were built, unless the user has moved it
/// elsewhere than a row control (a click in the filter box, say).
pub fn keep_focus<M: Send + 'static>(target: Id, row_controls: Vec<Id>) -> Task<M> {
    focus::focused().then(move |focused| {
        let on_a_row = focused.as_ref().is_none_or(|id| row_controls.contains(id));
        if on_a_row && focused.as_ref() != Some(&target) {
            iced::widget::operation::focus(target.clone())
        } else {
            Task::none()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(top: f32, height: f32) -> PageView {
        PageView {
            top,
            height,
            width: 1024.0,
        }
    }

    #[test]
    fn the_first_screenful_and_a_margin() {
        // Rows of 100 px from y = 300; a view of 768 px at the top shows rows 0..5 (300..768).
        assert_eq!(rows_in_view(5000, 100.0, 300.0, view(0.0, 768.0), 3), 0..8);
    }

    #[test]
    fn scrolled_into_the_middle() {
        // View 10,300..11,068 → rows 100..108 (ceil of 107.68), plus 3 each side.
        let r = rows_in_view(5000, 100.0, 300.0, view(10_300.0, 768.0), 3);
        assert_eq!(r, 97..111);
    }

    #[test]
    fn at_the_end_never_past_the_count() {
        let r = rows_in_view(50, 100.0, 0.0, view(4_800.0, 768.0), 3);
        assert_eq!(r, 45..50);
    }

    #[test]
    fn a_list_below_the_view_builds_its_first_rows() {
        assert_eq!(
            rows_in_view(5000, 100.0, 2_000.0, view(0.0, 768.0), 3),
            0..3
        );
    }

    #[test]
    fn a_list_above_the_view_builds_its_last_rows() {
        assert_eq!(
            rows_in_view(40, 100.0, 0.0, view(9_000.0, 768.0), 3),
            37..40
        );
    }

    #[test]
    fn short_lists_and_odd_values_build_everything_they_have() {
        assert_eq!(rows_in_view(0, 100.0, 0.0, view(0.0, 768.0), 3), 0..0);
        assert_eq!(rows_in_view(2, 100.0, 0.0, view(0.0, 768.0), 3), 0..2);
        assert_eq!(rows_in_view(7, 0.0, 0.0, view(0.0, 768.0), 3), 0..7);
        assert_eq!(rows_in_view(7, f32::NAN, 0.0, view(0.0, 768.0), 3), 0..7);
        assert_eq!(rows_in_view(7, 100.0, f32::NAN, view(0.0, 768.0), 3), 0..3);
    }

    #[test]
    fn tab_and_shift_tab_walk_the_controls_row_by_row() {
        let at = |row, control| RowFocus {
            list: List::Drafts,
            row,
            control,
        };
        assert_eq!(at(0, 3).step(1, 10, 4), Some(at(1, 0)));
        assert_eq!(at(1, 0).step(-1, 10, 4), Some(at(0, 3)));
        assert_eq!(at(4, 1).step(1, 10, 4), Some(at(4, 2)));
        assert_eq!(
            at(0, 0).step(-1, 10, 4),
            None,
            "before the first: the filter"
        );
        assert_eq!(
            at(9, 3).step(1, 10, 4),
            None,
            "after the last: what follows"
        );
        assert_eq!(at(0, 0).step(1, 0, 4), None);
    }

    #[test]
    fn a_row_below_or_above_the_view_is_brought_into_it() {
        let v = view(1_000.0, 500.0);
        // Row 20 of pitch 100 from y = 0 is at 2,000..2,100: the view moves down to show it.
        assert_eq!(reveal_row(20, 100.0, 0.0, v, 40.0), Some(1_640.0));
        assert_eq!(reveal_row(5, 100.0, 0.0, v, 40.0), Some(460.0));
        assert_eq!(reveal_row(12, 100.0, 0.0, v, 40.0), None);
        assert_eq!(reveal_row(0, 100.0, 10.0, v, 40.0), Some(0.0));
    }

    #[test]
    fn every_row_is_built_when_the_view_passes_over_it() {
        // Scrolling in steps smaller than the margin never leaves a row in view unbuilt.
        let (count, pitch, list_top) = (300, 96.0, 412.0);
        let mut top = 0.0;
        while top < count as f32 * pitch + list_top {
            let v = view(top, 520.0);
            let built = rows_in_view(count, pitch, list_top, v, MARGIN_ROWS);
            for row in 0..count {
                let y = list_top + row as f32 * pitch;
                let visible = y + pitch > v.top && y < v.top + v.height;
                assert!(!visible || built.contains(&row), "row {row} at top {top}");
            }
            top += 37.0;
        }
    }
}
