//! Dialogs over the phone that are not the phone's own: the key help, and a lesson's help,
//! answer, "can't be done" and result dialogs. One model for all of them: a view-model dialog
//! with its focus, its scroll and at most one line to type (a [`TextInput`], with the phone's
//! cursor and length cap), worked by the phone's key table and actions. The engine keeps them
//! as a stack over the phone; whoever opened one hears which button was chosen.

use crate::layout::DialogLayout;
use crate::screens::{Action, TextInput};
use crate::view::{Dialog, Element, Hint, Role, Text};

/// A dialog over the phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlay {
    pub id: String,
    pub title: String,
    /// Paragraphs of text.
    pub body: Vec<String>,
    /// The line to type, before the buttons: its id, its label, and what is typed.
    field: Option<(Text, Text, TextInput)>,
    buttons: Vec<(Text, Text)>,
    /// The focused element: the field (when there is one) comes first, then the buttons.
    focus: usize,
    scroll: u16,
    /// The button Esc chooses: the one that cancels.
    cancel: Option<Text>,
    /// The button Enter in the field chooses.
    submit: Option<Text>,
    /// Input it has no use for closes it (the key help); otherwise such input is ignored.
    closes_on_anything: bool,
    /// The hint line while it is open, when the key table's words would not say what its
    /// buttons do.
    hints: Option<Vec<Hint>>,
}

/// What an action did to the overlay in front.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Did {
    /// It scrolled, moved its focus, edited its line, or ignored the action.
    Stayed,
    /// A button was chosen: Enter on it, Enter in the line (the submit button), Esc (the
    /// cancel button) or a touch.
    Chose(String),
    /// Input it has no use for closed it.
    Closed,
    /// Not the overlay's to handle: time passing, the terminal resized, the world.
    Phone,
}

impl Overlay {
    pub fn new(id: impl Into<String>, title: impl Into<String>, body: Vec<String>) -> Overlay {
        Overlay {
            id: id.into(),
            title: title.into(),
            body,
            field: None,
            buttons: Vec::new(),
            focus: 0,
            scroll: 0,
            cancel: None,
            submit: None,
            closes_on_anything: false,
            hints: None,
        }
    }

    /// With a line to type, focused.
    pub fn field(mut self, id: impl Into<Text>, label: impl Into<Text>) -> Overlay {
        self.field = Some((id.into(), label.into(), TextInput::default()));
        self.focus = 0;
        self
    }

    pub fn button(mut self, id: impl Into<Text>, label: impl Into<Text>) -> Overlay {
        self.buttons.push((id.into(), label.into()));
        self
    }

    /// The focus starts on element `id`.
    pub fn focus_on(mut self, id: &str) -> Overlay {
        if let Some(at) = self.position(id) {
            self.focus = at;
        }
        self
    }

    /// Esc chooses button `id`.
    pub fn cancel(mut self, id: impl Into<Text>) -> Overlay {
        self.cancel = Some(id.into());
        self
    }

    /// Enter in the line chooses button `id`.
    pub fn submit(mut self, id: impl Into<Text>) -> Overlay {
        self.submit = Some(id.into());
        self
    }

    /// Any input it has no use for closes it, as the key help does.
    pub fn closes_on_anything(mut self) -> Overlay {
        self.closes_on_anything = true;
        self
    }

    pub fn hints(mut self, hints: Vec<Hint>) -> Overlay {
        self.hints = Some(hints);
        self
    }

    /// Whether input it has no use for closes it.
    pub fn is_transient(&self) -> bool {
        self.closes_on_anything
    }

    /// The hint line it asks for, if not the key table's.
    pub fn own_hints(&self) -> Option<&[Hint]> {
        self.hints.as_deref()
    }

    /// What is typed in its line.
    pub fn text(&self) -> &str {
        self.field.as_ref().map_or("", |(_, _, input)| input.text())
    }

    /// Its elements' ids, the field first.
    fn ids(&self) -> impl Iterator<Item = &str> {
        let field = self.field.iter().map(|(id, _, _)| id.as_ref());
        field.chain(self.buttons.iter().map(|(id, _)| id.as_ref()))
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.ids().position(|e| e == id)
    }

    fn len(&self) -> usize {
        self.buttons.len() + usize::from(self.field.is_some())
    }

    fn focused_id(&self) -> Option<&str> {
        self.ids().nth(self.focus)
    }

    fn field_focused(&self) -> bool {
        self.field.is_some() && self.focus == 0
    }

    /// The overlay as the view model shows it.
    pub fn dialog(&self) -> Dialog {
        let mut elements = Vec::with_capacity(self.len());
        if let Some((id, label, input)) = &self.field {
            let mut field = Element::new(id.clone(), Role::TextField, label.clone())
                .value(input.text().to_string());
            field.cursor = Some(input.cursor());
            elements.push(field);
        }
        elements.extend(
            self.buttons
                .iter()
                .map(|(id, label)| Element::button(id.clone(), label.clone())),
        );
        if let Some(element) = elements.get_mut(self.focus) {
            element.focused = true;
        }
        Dialog {
            id: self.id.clone(),
            title: self.title.clone(),
            body: self.body.clone(),
            elements,
            scroll: self.scroll,
        }
    }

    /// Applies `action`, the overlay laid out as `layout` (none when the phone does not fit).
    pub fn act(&mut self, action: &Action, layout: Option<&DialogLayout>) -> Did {
        let ignored = if self.closes_on_anything {
            Did::Closed
        } else {
            Did::Stayed
        };
        match action {
            Action::Tick
            | Action::Resize { .. }
            | Action::SignInElsewhere(_)
            | Action::ChangeElsewhere(_)
            | Action::Quit => Did::Phone,
            Action::Scroll(lines) => self.scroll_by(*lines, layout),
            Action::PageUp | Action::PageDown => {
                let rows = layout.map_or(1, |l| l.text.height.saturating_sub(1).max(1));
                let page = i32::from(rows);
                let lines = if *action == Action::PageUp {
                    -page
                } else {
                    page
                };
                self.scroll_by(lines, layout)
            }
            Action::FocusNext | Action::FocusPrev | Action::FocusFirst | Action::FocusLast
                if self.len() > 1 =>
            {
                let last = self.len() - 1;
                self.focus = match action {
                    Action::FocusNext => (self.focus + 1).min(last),
                    Action::FocusPrev => self.focus.saturating_sub(1),
                    Action::FocusFirst => 0,
                    _ => last,
                };
                Did::Stayed
            }
            action if action.edits_a_field() && self.field_focused() => {
                if let Some((_, _, input)) = &mut self.field {
                    edit(input, action);
                }
                Did::Stayed
            }
            Action::Activate if self.field_focused() => match &self.submit {
                Some(id) => Did::Chose(id.to_string()),
                None => Did::Stayed,
            },
            Action::Activate => match self.focused_id() {
                Some(id) => Did::Chose(id.to_string()),
                None => ignored,
            },
            Action::Tap(id) => match self.position(id) {
                Some(at) if at == 0 && self.field.is_some() => {
                    // Touching the line puts the cursor there; only Enter sends it.
                    self.focus = 0;
                    Did::Stayed
                }
                Some(_) => Did::Chose(id.clone()),
                None => ignored,
            },
            Action::Back => match &self.cancel {
                Some(id) => Did::Chose(id.to_string()),
                None => ignored,
            },
            _ => ignored,
        }
    }

    fn scroll_by(&mut self, lines: i32, layout: Option<&DialogLayout>) -> Did {
        let max = i32::from(layout.map_or(0, DialogLayout::max_scroll));
        let scrolled = i32::from(self.scroll)
            .saturating_add(lines)
            .clamp(0, max.max(0));
        self.scroll = u16::try_from(scrolled).unwrap_or(0);
        Did::Stayed
    }
}

/// The line's edit for one editing action.
fn edit(input: &mut TextInput, action: &Action) {
    match action {
        Action::Type(text) => input.insert(text),
        Action::DeleteBackward => input.delete_backward(),
        Action::DeleteForward => input.delete_forward(),
        Action::CursorLeft => input.left(),
        Action::CursorRight => input.right(),
        Action::CursorHome => input.home(),
        Action::CursorEnd => input.end(),
        Action::ClearField => input.clear(),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer() -> Overlay {
        Overlay::new("answer", "Answer", vec!["What is it?".into()])
            .field("answer.text", "Your answer")
            .button("cancel", "Cancel")
            .button("send", "Send")
            .cancel("cancel")
            .submit("send")
    }

    #[test]
    fn a_line_is_typed_edited_and_sent_with_enter_or_cancelled_with_esc() {
        let mut overlay = answer();
        for action in [
            Action::Type("5 GX".into()),
            Action::DeleteBackward,
            Action::Type("B".into()),
        ] {
            assert_eq!(overlay.act(&action, None), Did::Stayed);
        }
        assert_eq!(overlay.text(), "5 GB");
        assert_eq!(overlay.dialog().elements[0].cursor, Some(4));
        assert_eq!(
            overlay.act(&Action::Activate, None),
            Did::Chose("send".into())
        );
        assert_eq!(
            overlay.act(&Action::Back, None),
            Did::Chose("cancel".into())
        );
        // Tab goes to the buttons; Enter there chooses the focused one.
        overlay.act(&Action::FocusNext, None);
        assert_eq!(
            overlay.act(&Action::Activate, None),
            Did::Chose("cancel".into())
        );
        // Typing on a button types nothing.
        overlay.act(&Action::Type("x".into()), None);
        assert_eq!(overlay.text(), "5 GB");
    }

    #[test]
    fn the_help_closes_on_what_it_has_no_use_for_and_lets_time_pass() {
        let mut help = Overlay::new("help", "Keys", vec!["…".into()])
            .button("help.close", "Close")
            .closes_on_anything();
        assert_eq!(help.act(&Action::Scroll(3), None), Did::Stayed);
        assert_eq!(help.act(&Action::Tick, None), Did::Phone);
        assert_eq!(help.act(&Action::Home, None), Did::Closed);
        assert_eq!(
            help.act(&Action::Tap("elsewhere".into()), None),
            Did::Closed
        );
        let mut dialog = answer();
        assert_eq!(dialog.act(&Action::Home, None), Did::Stayed);
        assert_eq!(
            dialog.act(&Action::Tap("elsewhere".into()), None),
            Did::Stayed
        );
    }
}
