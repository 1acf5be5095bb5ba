//! Hints, worked out from where the learner is. The reference solution is replayed once on a
//! fresh phone of the same variant, and each of its moves is remembered with the place it was
//! made at (the screen, and the dialog over it), what it touched, and what that element looked
//! like afterwards. A hint is then the move the reference made at the learner's place: the first
//! one not made yet (from how far the learner has followed the reference), else the last one
//! made there. Away from the reference's places, the way back.

use crate::engine::{Context, Key};
use crate::shells::replay::fixture::{ScrollDirection, Step};
use crate::shells::tasks::Episode;
use crate::shells::tasks::variant::SolutionStep;
use crate::view::{Element, Role, View};

/// Where the phone is: the surface, the screen, and the dialog over it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    surface: &'static str,
    screen: String,
    dialog: Option<String>,
}

impl Place {
    pub fn of(view: &View) -> Place {
        Place {
            surface: view.surface,
            screen: view.screen.clone(),
            dialog: view.dialog.as_ref().map(|d| d.id.clone()),
        }
    }
}

/// One thing a person does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Move {
    Tap(String),
    /// Typing into a field; `text` is what the reference typed (none when it read it from the
    /// screen or the device file).
    Type {
        field: String,
        text: Option<String>,
    },
    Key(Key),
    Back,
    Scroll(ScrollDirection),
    Wait,
    Answer,
    CannotBeDone,
}

impl Move {
    /// Whether the learner's move `did` is this one.
    fn matches(&self, did: &Move) -> bool {
        match (self, did) {
            (Move::Type { field: a, .. }, Move::Type { field: b, .. }) => a == b,
            (a, b) => a == b,
        }
    }
}

/// How the element a move touched looked after it: what says the move is already made.
#[derive(Debug, Clone, PartialEq, Eq)]
enum After {
    Checked(bool),
    Focused,
    Value(String),
    /// A password field with something in it.
    Filled,
}

#[derive(Debug, Clone)]
struct Mark {
    before: Place,
    after: Place,
    made: Move,
    settled: Option<After>,
}

/// What to do next, as the hint says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Advice {
    Do(Move),
    /// Close the dialog in front (Esc).
    Close,
    Back,
    /// Leave the browser for the phone (F2).
    ToPhone,
    /// Touch this element to get back on the way (Settings on the home screen).
    Open(String),
    /// Nothing here leads anywhere the reference went.
    Lost,
}

/// The reference solution's moves, where they were made.
#[derive(Debug, Clone, Default)]
pub struct Guide {
    marks: Vec<Mark>,
    places: Vec<Place>,
    /// The reference's length in moves (checks and events are not moves).
    pub length: u32,
}

/// The element `id` wherever it is on the screen: the dialog's first, then the page's.
fn element<'a>(view: &'a View, id: &str) -> Option<&'a Element> {
    view.find(id)
        .or_else(|| view.elements.iter().find(|e| e.id == id))
}

impl Guide {
    /// Replays `reference` (a fresh episode of the variant) to the end of its solution, or to
    /// the first step that fails.
    pub fn new(reference: &mut Episode) -> Guide {
        let mut guide = Guide::default();
        // Back N times is N places to go back from: one mark each (and one step in length).
        let mut solution = Vec::new();
        for step in &reference.variant.solution {
            match step {
                SolutionStep::Step(Step::Back(times)) if *times > 1 => {
                    for again in 0..*times {
                        solution.push((SolutionStep::Step(Step::Back(1)), again == 0));
                    }
                }
                step => solution.push((step.clone(), true)),
            }
        }
        for (step, counted) in &solution {
            let view = reference.engine().view();
            let before = Place::of(view);
            let focused = view.focused().map(|e| e.id.to_string());
            let checked = |view: &View, made: &Option<Move>| match made {
                Some(Move::Tap(id)) => element(view, id).and_then(|e| e.checked),
                _ => None,
            };
            let made = match step {
                SolutionStep::Step(Step::Tap(label)) => {
                    reference.engine().resolve(label).ok().map(Move::Tap)
                }
                SolutionStep::Step(Step::TapId { id, .. }) => Some(Move::Tap(id.clone())),
                SolutionStep::Step(Step::Type(text)) => focused.map(|field| Move::Type {
                    field,
                    text: Some(text.clone()),
                }),
                SolutionStep::Step(Step::TypeFrom(_)) => {
                    focused.map(|field| Move::Type { field, text: None })
                }
                SolutionStep::Step(Step::Key(key)) => Some(Move::Key(key.key())),
                SolutionStep::Step(Step::Back(_)) => Some(Move::Back),
                SolutionStep::Step(Step::Scroll(direction)) => Some(Move::Scroll(*direction)),
                SolutionStep::Step(Step::Wait(_)) => Some(Move::Wait),
                SolutionStep::Answer(_) => Some(Move::Answer),
                SolutionStep::CannotBeDone => Some(Move::CannotBeDone),
                // Checks change nothing; events elsewhere are not the learner's to make.
                SolutionStep::Step(_) => None,
            };
            let checked_before = checked(reference.engine().view(), &made);
            if reference.solve_step(step).is_err() {
                break;
            }
            let Some(made) = made else {
                continue;
            };
            let view = reference.engine().view();
            let after = Place::of(view);
            let settled = match &made {
                Move::Tap(id) => element(view, id).and_then(|e| match e.role {
                    // Only a switch the tap flipped: one that asks first ("Turn off Find
                    // Device?") is not flipped yet.
                    Role::Switch | Role::Checkbox if e.checked != checked_before => {
                        e.checked.map(After::Checked)
                    }
                    role if role.is_text_input() => Some(After::Focused),
                    _ => None,
                }),
                Move::Type { field, .. } => element(view, field).map(|e| {
                    if e.role == Role::PasswordField {
                        After::Filled
                    } else {
                        After::Value(e.value.as_deref().unwrap_or("").to_string())
                    }
                }),
                _ => None,
            };
            if made != Move::Wait && *counted {
                guide.length += 1;
            }
            for place in [&before, &after] {
                if !guide.places.contains(place) {
                    guide.places.push(place.clone());
                }
            }
            guide.marks.push(Mark {
                before,
                after,
                made,
                settled,
            });
        }
        guide
    }

    /// Whether the reference ever was at `place`.
    pub fn on_path(&self, place: &Place) -> bool {
        self.places.contains(place)
    }

    /// How far the learner has followed the reference, after making `did` at `before` and
    /// arriving at `after`: past the first move from here on that is the same, or else past the
    /// first move from here on that arrives where the learner did (another way to the same
    /// place).
    pub fn advance(&self, progress: usize, before: &Place, did: &[Move], after: &Place) -> usize {
        let ahead = || self.marks.iter().enumerate().skip(progress);
        if let Some((index, _)) =
            ahead().find(|(_, m)| m.before == *before && did.iter().any(|d| m.made.matches(d)))
        {
            return index + 1;
        }
        if before != after
            && let Some((index, _)) =
                ahead().find(|(_, m)| m.before != m.after && m.after == *after)
        {
            return index + 1;
        }
        progress
    }

    /// The next move at the learner's place, in `view`, having followed the reference up to
    /// `progress`.
    pub fn advise(&self, view: &View, progress: usize) -> Advice {
        if Context::of(view).busy {
            return Advice::Do(Move::Wait);
        }
        let place = Place::of(view);
        let here: Vec<(usize, &Mark)> = self
            .marks
            .iter()
            .enumerate()
            // Waiting is advice only while the phone is busy (above): time passes anyway. And
            // scrolling goes without saying: a tap's hint says when its element is out of sight.
            .filter(|(_, m)| {
                m.before == place
                    && !matches!(m.made, Move::Wait | Move::Scroll(_))
                    && present(view, &m.made)
            })
            .collect();
        let open = |m: &&Mark| !settled(view, m);
        let next = here
            .iter()
            .find(|(index, m)| *index >= progress && open(m))
            .or_else(|| here.iter().rev().find(|(_, m)| open(m)));
        if let Some((index, mark)) = next {
            // A tap on a field and then typing in it is one thing to do: typing there.
            if let (Move::Tap(id), Some(then)) = (&mark.made, self.marks.get(index + 1))
                && then.before == place
                && matches!(&then.made, Move::Type { field, .. } if field == id)
            {
                return Advice::Do(then.made.clone());
            }
            return Advice::Do(mark.made.clone());
        }
        if view.dialog.is_some() {
            Advice::Close
        } else if view.back {
            Advice::Back
        } else if view.surface != "phone" && self.places.iter().all(|p| p.surface == "phone") {
            Advice::ToPhone
        } else if let Some(settings) = view.elements.iter().find(|e| e.id == HOME_SETTINGS) {
            Advice::Open(settings.id.to_string())
        } else {
            Advice::Lost
        }
    }
}

/// The home screen's Settings tile: the way back from the home screen.
const HOME_SETTINGS: &str = "home.settings";

/// Whether what `made` touches is on the screen.
fn present(view: &View, made: &Move) -> bool {
    match made {
        Move::Tap(id) | Move::Type { field: id, .. } => view.find(id).is_some(),
        _ => true,
    }
}

/// Whether the learner's screen already shows what `mark` made.
fn settled(view: &View, mark: &Mark) -> bool {
    let id = match &mark.made {
        Move::Tap(id) | Move::Type { field: id, .. } => id,
        _ => return false,
    };
    let (Some(after), Some(element)) = (&mark.settled, view.find(id)) else {
        return false;
    };
    match after {
        After::Checked(on) => element.checked == Some(*on),
        After::Focused => element.focused,
        After::Value(value) => element.value.as_deref().unwrap_or("") == value,
        After::Filled => element.value.as_deref().is_some_and(|v| !v.is_empty()),
    }
}
