//! Hints: the way home from where the learner is, worded for what the screen shows (without
//! giving the answer away), where it points, and the goal panel beside the phone.

use super::{Lesson, Shown};
use crate::engine::Context;
use crate::layout::{self, PhoneLayout};
use crate::play::fixture::{ScrollDirection, Step};
use crate::play::lesson::guide::{Advice, Move};
use crate::play::lesson::words as w;
use crate::play::tasks::episode::normalised;
use crate::play::tasks::plan::Way;
use crate::play::tasks::variant::SolutionStep;
use crate::ui::lesson::{GoalPanel, PanelAction, Pointer};
use crate::view::{Element, Role, View};

impl Lesson {
    /// Works out the hint for where the learner is, and shows it until the next step. Asking
    /// again for the same hint is not another hint.
    pub(super) fn give_hint(&mut self) {
        if self.ended {
            return;
        }
        let advice = self.advice();
        let view = self.episode.engine().view();
        let shown = self.words_for(&advice, view);
        if self.hint.as_ref() != Some(&shown) {
            self.hints = self.hints.saturating_add(1);
        }
        self.message = None;
        self.hint = Some(shown);
    }

    /// The hint's words, and what it points at on the screen. The answer to a question and a
    /// password are never in it; text to type only when the goal gives it.
    pub(super) fn words_for(&self, advice: &Advice, view: &View) -> Shown {
        let shown = |text: String, pointer: Option<Pointer>| Shown { text, pointer };
        let tr = self.episode.engine().tr();
        let language = tr.language;
        let said =
            |text: w::Said, pointer: Option<Pointer>| shown(text.get(language).into(), pointer);
        match advice {
            Advice::Undo(change, made) => {
                let mut then = self.words_for(&Advice::Do(made.clone()), view);
                then.text = w::undo_first(language, tr, change, &then.text);
                then
            }
            Advice::StartOver(changes) => {
                let question = self.episode.variant.answer.is_some();
                shown(w::start_over(language, question, changes), None)
            }
            Advice::Do(Move::Tap(id)) => {
                let Some(element) = view.find(id) else {
                    return said(w::LOST, None);
                };
                // Naming (or pointing at) what shows the answer would give it away: it is here.
                if self.gives_away(element) {
                    return said(w::ANSWER_HERE, None);
                }
                let text = w::tap(language, element.role, &element.label);
                shown(text, Some(Pointer::Element(id.clone())))
            }
            Advice::Do(Move::Type { field, text }) => {
                let Some(element) = view.find(field) else {
                    return said(w::LOST, None);
                };
                let goal = self.goal().to_lowercase();
                let words = match text {
                    _ if element.role == Role::PasswordField => {
                        w::type_password(language, &element.label)
                    }
                    Some(text) if !text.is_empty() && goal.contains(&text.to_lowercase()) => {
                        w::type_text(language, text, &element.label)
                    }
                    _ => w::fill_in(language, &element.label),
                };
                shown(words, Some(Pointer::Element(field.clone())))
            }
            Advice::Do(Move::Key(key)) => shown(w::press(language, &key.cap(tr)), None),
            Advice::Do(Move::Back) if view.dialog.is_none() => {
                said(w::GO_BACK, Some(Pointer::Back))
            }
            Advice::Do(Move::Back) => said(w::CLOSE_DIALOG, None),
            Advice::Do(Move::Scroll(ScrollDirection::Down)) => said(w::SCROLL_DOWN, None),
            Advice::Do(Move::Scroll(ScrollDirection::Up)) => said(w::SCROLL_UP, None),
            Advice::Do(Move::Wait) => said(w::WAIT, None),
            Advice::Do(Move::Answer) => said(w::ANSWER_HERE, None),
            Advice::Do(Move::CannotBeDone) => said(w::CANNOT_HINT, None),
            Advice::Lost => said(w::LOST, None),
        }
    }

    /// Whether `element` shows the answer of an answer task (that the goal does not give).
    pub(super) fn gives_away(&self, element: &Element) -> bool {
        let Some(answer) = self.episode.expected_answer() else {
            return false;
        };
        let answer = answer.as_str();
        if words(answer).trim().is_empty() || has_words(self.goal(), answer) {
            return false;
        }
        [
            Some(&element.label),
            element.value.as_ref(),
            element.summary.as_ref(),
        ]
        .into_iter()
        .flatten()
        .any(|text| has_words(text, answer))
    }

    /// What the hint would advise now (the move behind its words): the next step of a plan
    /// that does the task from here.
    pub fn advice(&mut self) -> Advice {
        if Context::of(self.view()).busy {
            return Advice::Do(Move::Wait);
        }
        let planned = match self.planner.next(&mut self.episode) {
            Way::Next(planned) => planned,
            Way::StartOver(changes) => return Advice::StartOver(changes),
            Way::Done | Way::Lost => return Advice::Lost,
        };
        let engine = self.episode.engine();
        let view = engine.view();
        // A tap on a field and then typing in it is one thing to do: typing there.
        let into_field = match &planned.step {
            SolutionStep::Step(Step::TapId { id, .. })
                if view.find(id).is_some_and(|e| e.role.is_text_input()) =>
            {
                self.planner.following().and_then(|then| match &then.step {
                    SolutionStep::Step(Step::Type(text)) => Some(Move::Type {
                        field: id.clone(),
                        text: Some(text.clone()),
                    }),
                    SolutionStep::Step(Step::TypeFrom(_)) => Some(Move::Type {
                        field: id.clone(),
                        text: None,
                    }),
                    _ => None,
                })
            }
            _ => None,
        };
        let made = into_field
            .or_else(|| Move::of(&planned.step, view, |label| engine.resolve(label).ok()));
        match (made, planned.undoing) {
            (None, _) => Advice::Lost,
            (Some(made), Some(change)) => {
                Advice::Undo(serde_json::to_value(&change).unwrap_or_default(), made)
            }
            (Some(made), None) => Advice::Do(made),
        }
    }

    /// What the hint points at, while one is shown and nothing is over the phone.
    pub fn pointer(&self) -> Option<&Pointer> {
        if self.front().is_some() {
            return None;
        }
        self.hint.as_ref().and_then(|h| h.pointer.as_ref())
    }

    /// The hint's words, while one is shown: with which way to scroll while what it points at
    /// is out of sight.
    pub fn hint(&self) -> Option<String> {
        let hint = self.hint.as_ref()?;
        let viewport = self.episode.engine().viewport();
        let away = match &hint.pointer {
            Some(Pointer::Element(id)) => off_screen(self.view(), id, viewport),
            _ => None,
        };
        Some(match away {
            Some(down) => w::scroll_to(self.language(), hint.text.clone(), down),
            None => hint.text.clone(),
        })
    }

    /// What the goal panel says.
    pub fn panel(&self) -> GoalPanel {
        let at_root = {
            let context = Context::of_phone(self.view());
            context.root && !context.typing
        };
        // Over: the result's own buttons say what is next.
        let mut keys = Vec::new();
        if !self.ended {
            keys.push(w::HINT);
            if self.episode.variant.answer.is_some() {
                keys.push(w::ANSWER);
            }
            keys.extend([w::CANNOT, w::HELP]);
            if at_root {
                keys.push(w::LIST);
            }
        }
        let language = self.language();
        GoalPanel {
            heading: self.task.title_in(language).to_string(),
            goal_label: w::GOAL.get(language).to_string(),
            colon: w::colon(language).to_string(),
            goal: self.goal().to_string(),
            goal_id: w::GOAL_ID.to_string(),
            hint_label: w::HINT_LABEL.get(language).to_string(),
            hint: self.hint(),
            message: self.message.clone(),
            status: vec![
                w::steps_status(language, self.steps, self.task.max_steps),
                w::hints_status(language, self.hints),
            ],
            actions: keys
                .into_iter()
                .map(|k| PanelAction {
                    id: k.id.to_string(),
                    keys: k.keys.to_string(),
                    does: k.does.get(language).to_string(),
                })
                .collect(),
        }
    }
}

/// Whether the page element `id` is out of sight, and which way: `Some(true)` below.
pub(super) fn off_screen(view: &View, id: &str, viewport: (u16, u16)) -> Option<bool> {
    if view.dialog.is_some() {
        return None;
    }
    let (width, height) = PhoneLayout::page_size(viewport.0, viewport.1)?;
    let index = view.elements.iter().position(|e| e.id == id)?;
    let (offsets, _) = layout::element_offsets(&view.elements, width);
    let top = *offsets.get(index)?;
    let bottom = top.saturating_add(layout::element_height(view.elements.get(index)?, width));
    if top < view.scroll {
        Some(false)
    } else if bottom > view.scroll.saturating_add(height) {
        Some(true)
    } else {
        None
    }
}

/// `text`'s words (runs of letters and digits), lower case, each between spaces.
pub(super) fn words(text: &str) -> String {
    let mut out = String::from(" ");
    for word in normalised(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        out.push_str(word);
        out.push(' ');
    }
    out
}

/// Whether `text` has the words of `part`, in a row ("4" is not in "F4", nor "Xiaomi 14").
pub(super) fn has_words(text: &str, part: &str) -> bool {
    words(text).contains(&words(part))
}
