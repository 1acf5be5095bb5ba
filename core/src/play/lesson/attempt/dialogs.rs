//! The lesson's dialogs over the phone: its help, the answer and "can't be done" lines and what
//! sending them does, and the result when the attempt ends.

use super::{Lesson, seconds_between};
use crate::engine::keys::{self, HELP_DIALOG};
use crate::engine::{Context, Overlay};
use crate::play::lesson::progress::Attempt;
use crate::play::lesson::words as w;
use crate::sim::device::Language;
use crate::view::{Hint, View};

impl Lesson {
    /// Says under the result that the progress could not be saved.
    pub fn not_saved(&mut self, error: &str) {
        let line = w::progress_not_saved(self.language(), error);
        if matches!(self.front(), Some(w::DIALOG_DONE | w::DIALOG_OUT)) {
            self.episode.over(|engine| {
                engine.change_overlay(|result| {
                    if let Some(text) = result.body.last_mut() {
                        text.push('\n');
                        text.push_str(&line);
                    }
                });
            });
        }
    }

    pub(super) fn ask_answer(&mut self) {
        if self.episode.variant.answer.is_none() {
            self.message = Some(w::NO_QUESTION.get(self.language()).to_string());
            return;
        }
        let goal = self.goal().to_string();
        let dialog = self.typed_dialog(w::DIALOG_ANSWER, w::ANSWER_TITLE, goal, w::ANSWER_FIELD);
        self.open(dialog);
    }

    pub(super) fn ask_cannot(&mut self) {
        let body = w::CANNOT_BODY.get(self.language()).to_string();
        let dialog = self.typed_dialog(w::DIALOG_CANNOT, w::CANNOT_TITLE, body, w::CANNOT_FIELD);
        self.open(dialog);
    }

    pub(super) fn open_help(&mut self) {
        let help = self.help_dialog();
        self.open(help);
    }

    /// The answer and "can't be done" dialogs: a line to type, Cancel and Send.
    pub(super) fn typed_dialog(
        &self,
        id: &str,
        title: w::Said,
        body: String,
        field: w::Said,
    ) -> Overlay {
        let language = self.language();
        Overlay::new(id, title.get(language), vec![body])
            .field(w::FIELD, field.get(language))
            .button(w::CANCEL, w::CANCEL_BUTTON.get(language))
            .button(w::SEND, w::SEND_BUTTON.get(language))
            .cancel(w::CANCEL)
            .submit(w::SEND)
            .hints(vec![
                hint(language, "", w::HINT_TYPE),
                hint(language, w::KEY_ENTER, w::HINT_SEND),
                hint(language, w::KEY_ESC, w::HINT_CANCEL),
            ])
    }

    pub(super) fn send_answer(&mut self, text: &str) {
        self.count_step();
        self.episode.answer(text);
        if self.episode.done() {
            self.finish(true);
        } else {
            self.mistakes.wrong_answers += 1;
            self.message = Some(w::WRONG_ANSWER.get(self.language()).to_string());
            self.after_step_check();
        }
    }

    pub(super) fn send_cannot(&mut self, reason: &str) {
        self.count_step();
        let reason = reason.trim();
        self.reason = (!reason.is_empty()).then(|| reason.to_string());
        // A task that can be done can never be done once the episode is told it cannot: the
        // claim is refused here, and the attempt goes on.
        if self.episode.variant.infeasible.is_none() {
            self.mistakes.wrong_claims += 1;
            self.message = Some(w::CAN_BE_DONE.get(self.language()).to_string());
            self.after_step_check();
            return;
        }
        self.episode.say_impossible();
        if self.episode.done() {
            self.finish(true);
        } else {
            self.message = Some(w::NOT_YET.get(self.language()).to_string());
            self.after_step_check();
        }
    }

    pub(super) fn finish(&mut self, done: bool) {
        self.ended = true;
        self.hint = None;
        self.message = None;
        self.typing_in = None;
        let seconds = seconds_between(self.started, self.clock);
        let language = self.language();
        self.ending = Some(Attempt {
            done,
            steps: self.steps,
            hints: self.hints,
            seconds,
            at: self.clock,
        });
        if !done {
            let lines = vec![w::out_of_steps(language, self.task.max_steps)];
            let out = Overlay::new(w::DIALOG_OUT, w::OUT_TITLE.get(language), lines)
                .button(w::TO_LIST, w::LIST_BUTTON.get(language))
                .button(w::RETRY, w::RETRY_BUTTON.get(language))
                .focus_on(w::RETRY)
                .cancel(w::TO_LIST)
                .hints(vec![
                    hint(language, w::KEY_ENTER, w::HINT_RETRY),
                    hint(language, w::KEY_ESC, w::HINT_LIST),
                ]);
            self.open(out);
            return;
        }
        // A task that cannot be done is done the shortest way by saying so: one step (the
        // reference's steps are another flow's, where it looked). Answering a question from
        // what was seen is not shorter than the reference's way: its steps are where it looked.
        let steps = if self.episode.variant.infeasible.is_some() {
            w::done_steps(language, self.steps, 1)
        } else if self.episode.variant.answer.is_some() {
            w::looked_steps(language, self.steps, self.guide.length)
        } else {
            w::done_steps(language, self.steps, self.guide.length)
        };
        let mut lines = vec![
            steps,
            w::done_hints(language, self.hints),
            w::done_mistakes(language, &self.mistakes),
            w::done_time(language, i64::try_from(seconds).unwrap_or(i64::MAX)),
        ];
        if let Some(why) = &self.episode.variant.infeasible {
            lines.push(w::why_it_cannot(language, why));
            if let Some(reason) = &self.reason {
                lines.push(w::your_reason(language, reason));
            }
        }
        let done = Overlay::new(
            w::DIALOG_DONE,
            w::DONE_TITLE.get(language),
            vec![lines.join("\n")],
        )
        .button(w::TO_LIST, w::LIST_BUTTON.get(language))
        .cancel(w::TO_LIST);
        let done = if self.has_next {
            done.button(w::NEXT, w::NEXT_BUTTON.get(language))
                .focus_on(w::NEXT)
                .hints(vec![
                    hint(language, w::KEY_ENTER, w::HINT_NEXT),
                    hint(language, w::KEY_ESC, w::HINT_LIST),
                ])
        } else {
            done.hints(vec![hint(language, w::KEY_ENTER, w::HINT_LIST)])
        };
        self.open(done);
    }

    /// The phone as drawn (with the lesson's dialog over it when one is open).
    pub fn view_to_draw(&self) -> View {
        let mut view = self.view().clone();
        // In a lesson, q on Settings goes back to the list of lessons: the phone's hint says so,
        // and keeps it longer than the phone's quit (which Ctrl-C also does): the last to go.
        for hint in &mut view.hints {
            if hint.keys == "q" {
                hint.does = w::Q_LESSONS.get(self.language());
                hint.drop_rank = 2;
            }
        }
        view
    }

    /// The help: the goal in full, the lesson's keys, and the phone's keys where it is.
    pub(super) fn help_dialog(&self) -> Overlay {
        let tr = self.episode.engine().tr();
        let language = tr.language;
        let mut lesson = vec![w::HELP_LESSON_KEYS.get(language).to_string()];
        let mut lesson_keys = vec![w::HINT];
        if self.episode.variant.answer.is_some() {
            lesson_keys.push(w::ANSWER);
        }
        lesson_keys.extend([w::CANNOT, w::HELP, w::LIST]);
        lesson.extend(
            lesson_keys
                .iter()
                .map(|k| w::labelled(language, k.keys, k.help.get(language))),
        );
        lesson.push(w::QUIT_HELP.get(language).to_string());
        let mut phone = vec![w::HELP_PHONE_KEYS.get(language).to_string()];
        phone.extend(keys::help_lines(&Context::of(self.view()), tr));
        let body = [
            Some(w::labelled(language, w::GOAL.get(language), self.goal())),
            self.hint()
                .map(|hint| w::labelled(language, w::HINT_LABEL.get(language), &hint)),
            Some(lesson.join("\n")),
            Some(phone.join("\n")),
            Some(w::HELP_CLICK.get(language).to_string()),
        ];
        Overlay::new(
            HELP_DIALOG,
            w::HELP_TITLE.get(language),
            body.into_iter().flatten().collect(),
        )
        .button(w::CLOSE, w::CLOSE_BUTTON.get(language))
        .closes_on_anything()
    }
}

/// A hint of the lesson's own dialogs' hint line.
pub(super) fn hint(language: Language, keys: &'static str, does: w::Said) -> Hint {
    Hint {
        keys,
        does: does.get(language),
        drop_rank: 0,
    }
}
