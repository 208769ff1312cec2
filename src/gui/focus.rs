//! Keyboard focus beyond what iced 0.14 gives: buttons and links that take focus and run with
//! Enter or Space, a visible focus ring, and moving focus that always brings the focused
//! control into view.
//!
//! iced's `button` is not focusable, so Tab skips it and keyboard users cannot reach it.
//! [`Focusable`] wraps any clickable element (an iced button keeps its look and its hover
//! style) and takes part in iced's focus operations like a text input does.

use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer::{self, Renderer as _};
use iced::advanced::widget::operation::{self, Operation, Outcome};
use iced::advanced::widget::{self, Tree, Widget, tree};
use iced::advanced::{Clipboard, Shell, mouse, overlay};
use iced::keyboard::{self, Key, key::Named};
use iced::widget::Id;
use iced::{Border, Color, Element, Event, Length, Rectangle, Size, Task, Theme, Vector};

/// The scrollable that holds every page, so focus moves can bring a control into view.
pub const PAGE: &str = "page";

/// How far outside a control its focus ring is drawn.
const RING_GAP: f32 = 2.0;
/// The ring's width: at least 2 px (WCAG 2.2 focus appearance).
const RING_WIDTH: f32 = 3.0;
/// Room kept above and below a control scrolled into view.
const REVEAL_MARGIN: f32 = 48.0;

/// Which ground the focus ring stands on, for its colour: the page, or the top band.
#[derive(Debug, Clone, Copy)]
pub enum Ring {
    Theme,
    Band,
}

/// A control that takes keyboard focus and runs `on_press` with Enter or Space.
pub struct Focusable<'a, Message> {
    id: Option<Id>,
    content: Element<'a, Message>,
    on_press: Option<Message>,
    ring: Ring,
}

#[derive(Debug, Default)]
struct State {
    focused: bool,
}

impl widget::operation::Focusable for State {
    fn is_focused(&self) -> bool {
        self.focused
    }
    fn focus(&mut self) {
        self.focused = true;
    }
    fn unfocus(&mut self) {
        self.focused = false;
    }
}

/// Wraps a clickable element (its own click still works) so it can be reached with Tab.
pub fn focusable<'a, Message>(
    content: impl Into<Element<'a, Message>>,
    on_press: Option<Message>,
) -> Focusable<'a, Message> {
    Focusable {
        id: None,
        content: content.into(),
        on_press,
        ring: Ring::Theme,
    }
}

impl<'a, Message> Focusable<'a, Message> {
    pub fn id(mut self, id: impl Into<Id>) -> Self {
        self.id = Some(id.into());
        self
    }

    pub fn ring(mut self, ring: Ring) -> Self {
        self.ring = ring;
        self
    }
}

/// The ring's colour (theme.rs checks it is ≥ 3:1 against the page in every theme).
pub fn ring_color(theme: &Theme) -> Color {
    super::theme::ring(theme)
}

impl<Message: Clone + Send + 'static> Widget<Message, Theme, iced::Renderer>
    for Focusable<'_, Message>
{
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn size_hint(&self) -> Size<Length> {
        self.content.as_widget().size_hint()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        let child = self
            .content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits);
        let size = child.size();
        layout::Node::with_children(size, vec![child])
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        let state = tree.state.downcast_mut::<State>();
        operation.focusable(self.id.as_ref(), layout.bounds(), state);
        // What it sends, for the screen reader's "activate" (access/describe.rs).
        let mut press = super::access::Press(self.on_press.clone());
        operation.custom(self.id.as_ref(), layout.bounds(), &mut press);
        operation.traverse(&mut |operation| {
            self.content.as_widget_mut().operate(
                &mut tree.children[0],
                layout.children().next().expect("the content's layout"),
                renderer,
                operation,
            );
        });
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        let state = tree.state.downcast_mut::<State>();
        match event {
            // A click anywhere moves focus: here when on this control, away otherwise
            // (as text inputs do), so Tab goes on from where the user is.
            Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)) => {
                let over = cursor.is_over(layout.bounds());
                if state.focused != over {
                    state.focused = over;
                    shell.request_redraw();
                }
            }
            Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. })
                if state.focused && !modifiers.alt() && !modifiers.command() =>
            {
                if matches!(key.as_ref(), Key::Named(Named::Enter | Named::Space)) {
                    if let Some(message) = &self.on_press {
                        shell.publish(message.clone());
                    }
                    // Taken even when disabled: Enter on a control must not mean Continuer.
                    shell.capture_event();
                    return;
                }
            }
            _ => {}
        }
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout.children().next().expect("the content's layout"),
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout.children().next().expect("the content's layout"),
            cursor,
            viewport,
        );
        if tree.state.downcast_ref::<State>().focused {
            let color = match self.ring {
                Ring::Theme => ring_color(theme),
                Ring::Band => super::theme::band_ring(theme),
            };
            let grow = RING_GAP + RING_WIDTH;
            let b = layout.bounds();
            let bounds = Rectangle {
                x: b.x - grow,
                y: b.y - grow,
                width: b.width + 2.0 * grow,
                height: b.height + 2.0 * grow,
            };
            renderer.fill_quad(
                renderer::Quad {
                    bounds,
                    border: Border {
                        color,
                        width: RING_WIDTH,
                        radius: 6.0.into(),
                    },
                    ..renderer::Quad::default()
                },
                Color::TRANSPARENT,
            );
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        self.content.as_widget().mouse_interaction(
            &tree.children[0],
            layout.children().next().expect("the content's layout"),
            cursor,
            viewport,
            renderer,
        )
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, Theme, iced::Renderer>> {
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            layout.children().next().expect("the content's layout"),
            renderer,
            viewport,
            translation,
        )
    }
}

impl<'a, Message: Clone + Send + 'static> From<Focusable<'a, Message>> for Element<'a, Message> {
    fn from(f: Focusable<'a, Message>) -> Self {
        Element::new(f)
    }
}

/// What a focus move found: the focused control and how to scroll the page to show it.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub focused: Option<Id>,
    /// The page's new vertical offset, when the focused control is out of view.
    pub scroll_to: Option<f32>,
}

/// Finds the focused control and, if it lies outside the page's visible part, the offset
/// that brings it in view with a margin.
fn report() -> impl Operation<Report> {
    #[derive(Default)]
    struct Find {
        /// The page: its visible bounds, content bounds and current offset.
        page: Option<(Rectangle, Rectangle, Vector)>,
        focused: Option<(Option<Id>, Rectangle)>,
    }

    impl Operation<Report> for Find {
        fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<Report>)) {
            operate(self);
        }

        fn scrollable(
            &mut self,
            id: Option<&Id>,
            bounds: Rectangle,
            content_bounds: Rectangle,
            translation: Vector,
            _state: &mut dyn operation::Scrollable,
        ) {
            if id.is_some_and(|id| *id == Id::new(PAGE)) {
                self.page = Some((bounds, content_bounds, translation));
            }
        }

        fn focusable(
            &mut self,
            id: Option<&Id>,
            bounds: Rectangle,
            state: &mut dyn operation::Focusable,
        ) {
            if state.is_focused() {
                self.focused = Some((id.cloned(), bounds));
            }
        }

        fn finish(&self) -> Outcome<Report> {
            let Some((id, bounds)) = self.focused.clone() else {
                return Outcome::Some(Report::default());
            };
            let scroll_to = self
                .page
                .and_then(|(view, content, offset)| reveal_offset(view, content, offset, bounds));
            Outcome::Some(Report {
                focused: id,
                scroll_to,
            })
        }
    }

    Find::default()
}

/// The page's offset that shows `target` (in the page content's layout coordinates), or
/// `None` when it is already in view.
pub fn reveal_offset(
    view: Rectangle,
    content: Rectangle,
    offset: Vector,
    target: Rectangle,
) -> Option<f32> {
    let top = target.y - content.y;
    let bottom = top + target.height;
    let max = (content.height - view.height).max(0.0);
    let wanted = if top - REVEAL_MARGIN < offset.y {
        top - REVEAL_MARGIN
    } else if bottom + REVEAL_MARGIN > offset.y + view.height {
        // A control taller than the view shows its top.
        (bottom + REVEAL_MARGIN - view.height).min(top - REVEAL_MARGIN)
    } else {
        return None;
    };
    let wanted = wanted.clamp(0.0, max);
    ((wanted - offset.y).abs() >= 0.5).then_some(wanted)
}

/// Moves focus `delta` controls on (Tab: 1, Shift+Tab: -1), around from the last to the first
/// and back. (iced's own `focus_next` leaves nothing focused after the last control: one Tab
/// would show no focus ring anywhere.)
pub fn step<T: Send + 'static>(delta: isize) -> Task<T> {
    // `then` takes a plain function: one for each way.
    fn forward(count: operation::focusable::Count) -> FocusIndex {
        FocusIndex::new(step_target(count.focused, count.total, 1))
    }
    fn backward(count: operation::focusable::Count) -> FocusIndex {
        FocusIndex::new(step_target(count.focused, count.total, -1))
    }
    let count = operation::focusable::count;
    if delta >= 0 {
        iced::advanced::widget::operate(operation::then(count(), forward))
    } else {
        iced::advanced::widget::operate(operation::then(count(), backward))
    }
}

/// Gives focus to the `n`-th focusable widget of the window (by its place, for a control
/// without an id), and takes it from every other.
pub fn focus_index<T>(n: usize) -> impl Operation<T> {
    FocusIndex::new(Some(n))
}

struct FocusIndex {
    target: Option<usize>,
    current: usize,
}

impl FocusIndex {
    fn new(target: Option<usize>) -> Self {
        FocusIndex { target, current: 0 }
    }
}

impl<T> Operation<T> for FocusIndex {
    fn focusable(
        &mut self,
        _id: Option<&Id>,
        _bounds: Rectangle,
        state: &mut dyn operation::Focusable,
    ) {
        if Some(self.current) == self.target {
            state.focus();
        } else {
            state.unfocus();
        }
        self.current += 1;
    }

    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<T>)) {
        operate(self);
    }
}

/// The control that gets focus: the next (or previous) one, around the ends; from none, the
/// first (or the last).
pub fn step_target(focused: Option<usize>, total: usize, delta: isize) -> Option<usize> {
    if total == 0 {
        return None;
    }
    let total = total as isize;
    let next = match focused {
        Some(i) => i as isize + delta,
        None if delta >= 0 => 0,
        None => total - 1,
    };
    Some(next.rem_euclid(total) as usize)
}

/// What has focus now.
pub fn focused() -> Task<Option<Id>> {
    iced::advanced::widget::operate(report()).map(|report: Report| report.focused)
}

/// After a focus move: scroll the page to the focused control and tell `on_report` what has
/// focus.
pub fn reveal<M: Send + 'static>(on_report: fn(Option<Id>) -> M) -> Task<M> {
    iced::advanced::widget::operate(report()).then(move |report: Report| {
        let scroll = match report.scroll_to {
            Some(y) => iced::widget::operation::scroll_to(
                PAGE,
                iced::widget::scrollable::AbsoluteOffset {
                    x: None,
                    y: Some(y),
                },
            ),
            None => Task::none(),
        };
        Task::batch([scroll, Task::done(on_report(report.focused))])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(y: f32, height: f32) -> Rectangle {
        Rectangle {
            x: 0.0,
            y,
            width: 100.0,
            height,
        }
    }

    // The page is shown from y = 100 (below the band), 400 px high, its content 2000 px.
    const VIEW: Rectangle = Rectangle {
        x: 0.0,
        y: 100.0,
        width: 100.0,
        height: 400.0,
    };
    const CONTENT: Rectangle = Rectangle {
        x: 0.0,
        y: 100.0,
        width: 100.0,
        height: 2000.0,
    };

    #[test]
    fn tab_goes_around_the_ends_and_never_leaves_nothing_focused() {
        assert_eq!(step_target(Some(6), 7, 1), Some(0));
        assert_eq!(step_target(Some(0), 7, -1), Some(6));
        assert_eq!(step_target(Some(2), 7, 1), Some(3));
        assert_eq!(step_target(None, 7, 1), Some(0));
        assert_eq!(step_target(None, 7, -1), Some(6));
        assert_eq!(step_target(None, 0, 1), None);
    }

    #[test]
    fn a_control_in_view_does_not_scroll() {
        let at = Vector::new(0.0, 0.0);
        assert_eq!(reveal_offset(VIEW, CONTENT, at, rect(300.0, 40.0)), None);
    }

    #[test]
    fn a_control_below_scrolls_down_with_a_margin() {
        let at = Vector::new(0.0, 0.0);
        // Its bottom is 900 px into the content: 900 + 48 - 400.
        let y = reveal_offset(VIEW, CONTENT, at, rect(960.0, 40.0)).unwrap();
        assert_eq!(y, 548.0);
    }

    #[test]
    fn a_control_above_scrolls_up_and_never_past_the_top() {
        let at = Vector::new(0.0, 800.0);
        assert_eq!(
            reveal_offset(VIEW, CONTENT, at, rect(600.0, 40.0)),
            Some(452.0)
        );
        assert_eq!(
            reveal_offset(VIEW, CONTENT, at, rect(110.0, 40.0)),
            Some(0.0)
        );
    }

    #[test]
    fn never_past_the_end() {
        let at = Vector::new(0.0, 0.0);
        let y = reveal_offset(VIEW, CONTENT, at, rect(2060.0, 40.0)).unwrap();
        assert_eq!(y, 1600.0);
    }

    #[test]
    fn a_tall_control_shows_its_top() {
        let at = Vector::new(0.0, 0.0);
        let y = reveal_offset(VIEW, CONTENT, at, rect(900.0, 600.0)).unwrap();
        assert_eq!(y, 752.0);
    }
}
