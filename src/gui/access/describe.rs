//! What is on screen, read off the widget tree as it was laid out: every text, text input and
//! control in reading order, with its bounds, whether it has focus and, for a control, the
//! message it sends. The tree screen readers get (tree.rs) is built from this and from the
//! application's own state, so it never shows what the window does not.
//!
//! The screens mark what the widgets alone cannot say (a heading, the error summary, a status
//! line, a field's label block) with containers whose ids are [`Mark`]s.

use std::sync::OnceLock;

use iced::advanced::widget::Id;
use iced::advanced::widget::operation::{self, Operation, Outcome};
use iced::widget::container;
use iced::{Element, Rectangle, Vector};

use crate::designation::Field;
use crate::gui::Message;

/// What a marked container means to a screen reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The page's title (level 1) or a section's heading (level 2).
    Heading(u8),
    /// The error summary: announced when it appears.
    Alert,
    /// A line that changes on its own ("Enregistré à …", "Envoi…"): announced politely.
    Status,
    /// A framed note (information or warning).
    Note,
    /// A review section: its heading, its answers, "Modifier".
    Section,
    /// The review's sections.
    List,
    /// The band at the top: the application's name and its buttons.
    Banner,
    /// Label, hint and messages of a field: the field's name and description.
    FieldLabel(Field),
    /// Drawn for sighted users only: the tree says it another way (a picker's matches, which
    /// are the options of its list).
    Skip,
}

impl Mark {
    fn id(self) -> Id {
        match self {
            Mark::Heading(1) => Id::new("a11y:h1"),
            Mark::Heading(_) => Id::new("a11y:h2"),
            Mark::Alert => Id::new("a11y:alert"),
            Mark::Status => Id::new("a11y:status"),
            Mark::Note => Id::new("a11y:note"),
            Mark::Section => Id::new("a11y:section"),
            Mark::List => Id::new("a11y:list"),
            Mark::Banner => Id::new("a11y:banner"),
            Mark::FieldLabel(field) => Id::from(format!("a11y:label:{}", field.path())),
            Mark::Skip => Id::new("a11y:skip"),
        }
    }

    /// The mark a container's id stands for, if any.
    fn of(id: &Id) -> Option<Mark> {
        static ALL: OnceLock<Vec<(Id, Mark)>> = OnceLock::new();
        let all = ALL.get_or_init(|| {
            let fixed = [
                Mark::Heading(1),
                Mark::Heading(2),
                Mark::Alert,
                Mark::Status,
                Mark::Note,
                Mark::Section,
                Mark::List,
                Mark::Banner,
                Mark::Skip,
            ];
            fixed
                .into_iter()
                .chain(Field::ALL.into_iter().map(Mark::FieldLabel))
                .map(|m| (m.id(), m))
                .collect()
        });
        all.iter().find(|(i, _)| i == id).map(|(_, m)| *m)
    }
}

/// Wraps `content` in a container that tells the tree what it is (no effect on the layout).
pub fn mark<'a>(mark: Mark, content: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    container(content).id(mark.id()).into()
}

/// The slot a focusable control hands to operations: the message it sends when pressed.
pub struct Press<M>(pub Option<M>);

/// One thing on screen, in reading order.
#[derive(Debug, Clone)]
pub enum Item {
    Open(Mark),
    Close,
    Text {
        text: String,
        bounds: Rectangle,
    },
    Input {
        id: Option<Id>,
        bounds: Rectangle,
        focused: bool,
    },
    Control {
        id: Option<Id>,
        bounds: Rectangle,
        focused: bool,
        /// `None`: shown, reachable, disabled.
        press: Option<Message>,
        /// The words on it.
        words: Vec<String>,
        /// Its place among the window's focusable widgets, for focusing one without an id.
        order: usize,
    },
}

/// The screen as read, with the size of the window it was read in.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub items: Vec<Item>,
}

impl Snapshot {
    pub fn focused(&self) -> Option<&Item> {
        self.items.iter().find(|i| {
            matches!(
                i,
                Item::Input { focused: true, .. } | Item::Control { focused: true, .. }
            )
        })
    }
}

/// What a widget opened, closed when its children have been read.
enum Frame {
    Plain,
    Mark,
    Control(usize),
    Skip,
    Scroll(Vector),
}

#[derive(Default)]
struct Describe {
    items: Vec<Item>,
    stack: Vec<Frame>,
    pending: Option<Frame>,
    /// The focusable widget just reported, waiting to learn whether it is a text input or a
    /// control.
    focusable: Option<(Option<Id>, Rectangle, bool)>,
    focusables: usize,
    offset: Vector,
}

impl Describe {
    fn skipping(&self) -> bool {
        self.stack.iter().any(|f| matches!(f, Frame::Skip))
    }

    fn control(&mut self) -> Option<&mut Item> {
        let index = self.stack.iter().rev().find_map(|f| match f {
            Frame::Control(i) => Some(*i),
            _ => None,
        })?;
        self.items.get_mut(index)
    }

    fn on_screen(&self, bounds: Rectangle) -> Rectangle {
        bounds - self.offset
    }
}

impl Operation<Snapshot> for Describe {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<Snapshot>)) {
        let frame = self.pending.take().unwrap_or(Frame::Plain);
        if let Frame::Scroll(t) = frame {
            self.offset += t;
        }
        self.stack.push(frame);
        operate(self);
        match self.stack.pop() {
            Some(Frame::Mark) => self.items.push(Item::Close),
            Some(Frame::Scroll(t)) => self.offset -= t,
            _ => {}
        }
    }

    fn container(&mut self, id: Option<&Id>, _bounds: Rectangle) {
        let Some(mark) = id.and_then(Mark::of) else {
            return;
        };
        if mark == Mark::Skip {
            self.pending = Some(Frame::Skip);
        } else if !self.skipping() {
            self.items.push(Item::Open(mark));
            self.pending = Some(Frame::Mark);
        }
    }

    fn scrollable(
        &mut self,
        _id: Option<&Id>,
        _bounds: Rectangle,
        _content_bounds: Rectangle,
        translation: Vector,
        _state: &mut dyn operation::Scrollable,
    ) {
        self.pending = Some(Frame::Scroll(translation));
    }

    fn focusable(
        &mut self,
        id: Option<&Id>,
        bounds: Rectangle,
        state: &mut dyn operation::Focusable,
    ) {
        self.focusables += 1;
        let focused = state.is_focused();
        // A text input reports itself as a text input first, then as focusable.
        if let Some(Item::Input {
            id: input,
            focused: f,
            ..
        }) = self.items.last_mut()
            && input.as_ref() == id
            && self.focusable.is_none()
        {
            *f = focused;
            return;
        }
        self.focusable = Some((id.cloned(), self.on_screen(bounds), focused));
    }

    fn text_input(
        &mut self,
        id: Option<&Id>,
        bounds: Rectangle,
        _state: &mut dyn operation::TextInput,
    ) {
        self.focusable = None;
        if !self.skipping() {
            self.items.push(Item::Input {
                id: id.cloned(),
                bounds: self.on_screen(bounds),
                focused: false,
            });
        }
    }

    fn text(&mut self, _id: Option<&Id>, bounds: Rectangle, text: &str) {
        if self.skipping() || text.trim().is_empty() {
            return;
        }
        if let Some(Item::Control { words, .. }) = self.control() {
            words.push(text.to_string());
            return;
        }
        let bounds = self.on_screen(bounds);
        self.items.push(Item::Text {
            text: text.to_string(),
            bounds,
        });
    }

    fn custom(&mut self, _id: Option<&Id>, _bounds: Rectangle, state: &mut dyn std::any::Any) {
        let Some(press) = state.downcast_ref::<Press<Message>>() else {
            return;
        };
        let Some((id, bounds, focused)) = self.focusable.take() else {
            return;
        };
        if self.skipping() {
            return;
        }
        self.items.push(Item::Control {
            id,
            bounds,
            focused,
            press: press.0.clone(),
            words: Vec::new(),
            order: self.focusables - 1,
        });
        self.pending = Some(Frame::Control(self.items.len() - 1));
    }

    fn finish(&self) -> Outcome<Snapshot> {
        Outcome::Some(Snapshot {
            items: self.items.clone(),
        })
    }
}

/// Reads the screen.
pub fn describe() -> impl Operation<Snapshot> {
    Describe::default()
}
