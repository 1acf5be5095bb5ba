//! `mi_settings_gym._native`: the simulator inside the Python process.
//!
//! A [`Simulator`] is the session `mi-settings agent ARGS` serves, answering the same request
//! lines with the same answer lines through the same function (`answer_line`), without the
//! pipe: a step then costs no wake-up of another process, which on a small machine is most of
//! what a step through the pipe costs. The simulator's work runs with the interpreter released,
//! so other Python threads go on meanwhile (and a batch's threads run in parallel).

use mi_settings::shells::agent::{Answered, LINE_BYTES, Session, answer_line, answer_line_apart};
use mi_settings::shells::cli::agent_session;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use std::sync::Mutex;

/// Each environment's observation text, or `None`.
type Texts<'py> = Vec<Option<Bound<'py, PyString>>>;

/// One agent session: `Simulator(["--batch", "4"])` is `mi-settings agent --batch 4`.
#[pyclass(module = "mi_settings_gym._native")]
struct Simulator {
    /// The session (`None` once closed), in a mutex only to be `Sync` as Python's objects must
    /// be: every method that touches it has the object to itself (`&mut self`), so it is never
    /// contended.
    session: Mutex<Option<Box<dyn Session + Send>>>,
    /// The last answer's line, newline included (reused from answer to answer).
    text: Vec<u8>,
    /// How many bytes of pixels the last answer announced.
    pixels: Option<usize>,
}

#[pymethods]
impl Simulator {
    /// The session `mi-settings agent ARGS` would serve; `ValueError` with the command line's
    /// own message for arguments it refuses.
    #[new]
    fn new(args: Vec<String>) -> PyResult<Simulator> {
        let session = agent_session(&args).map_err(PyValueError::new_err)?;
        Ok(Simulator {
            session: Mutex::new(Some(session)),
            text: Vec::with_capacity(4096),
            pixels: None,
        })
    }

    /// Answers one request line (its bytes, without a newline): the answer line, without its
    /// newline, as the pipe would carry it.
    fn request<'py>(&mut self, py: Python<'py>, line: &[u8]) -> PyResult<Bound<'py, PyBytes>> {
        self.answer(py, line, false)?;
        Ok(PyBytes::new(py, self.answer_line()))
    }

    /// As `request`, with an observation asked for as text (`observation_text`) handed back
    /// apart: `(answer, text)`, the answer without that member and the text it would have held
    /// (`None` when the answer has none).
    fn request_apart<'py>(
        &mut self,
        py: Python<'py>,
        line: &[u8],
    ) -> PyResult<(Bound<'py, PyBytes>, Option<Bound<'py, PyString>>)> {
        let observation = self.answer(py, line, true)?.into_iter().next().flatten();
        let observation = observation.map(|text| PyString::new(py, &text));
        Ok((PyBytes::new(py, self.answer_line()), observation))
    }

    /// As `request_apart` for a batch: `(answer, texts)`, one text (or `None`) for each of its
    /// environments, in order.
    fn request_batch_apart<'py>(
        &mut self,
        py: Python<'py>,
        line: &[u8],
    ) -> PyResult<(Bound<'py, PyBytes>, Texts<'py>)> {
        let observations = self.answer(py, line, true)?;
        let observations = observations
            .into_iter()
            .map(|text| text.map(|text| PyString::new(py, &text)))
            .collect();
        Ok((PyBytes::new(py, self.answer_line()), observations))
    }

    /// The pixels the last answer announced (`"pixels":{..., "bytes": N}` without a file):
    /// N bytes of RGB, rows top to bottom; `None` when it announced none.
    fn pixels<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        let bytes = self.pixels?;
        let session = self.session.lock().ok()?;
        let frame = session.as_ref()?.pixels();
        Some(PyBytes::new(py, frame.get(..bytes).unwrap_or(frame)))
    }

    /// Whether the session is still open (not closed by `close()` or an `op: close` request).
    #[getter]
    fn open(&mut self) -> bool {
        slot(&mut self.session).is_some()
    }

    /// Ends the session as the end of the pipe's input would: the running episodes are logged.
    fn close(&mut self, py: Python<'_>) {
        self.finish(py);
    }

    /// Drops the session without ending it: for a forked copy of this process, whose episodes
    /// are the parent's to log. Its memory is left as it is (the copy's own pages).
    fn abandon(&mut self) {
        if let Some(session) = slot(&mut self.session).take() {
            std::mem::forget(session);
        }
    }
}

impl Simulator {
    /// Answers `line` into `self.text` (with the interpreter released), the observations'
    /// texts apart when `apart` (see `answer_line_apart`); a request that closed the session
    /// ends it.
    fn answer(
        &mut self,
        py: Python<'_>,
        line: &[u8],
        apart: bool,
    ) -> PyResult<Vec<Option<String>>> {
        let Some(session) = slot(&mut self.session) else {
            return Err(PyRuntimeError::new_err("the simulator is closed"));
        };
        // The pipe keeps LINE_BYTES + 1 bytes of a line and its length; so does this.
        let kept = &line[..line.len().min(LINE_BYTES + 1)];
        let text = &mut self.text;
        let answered = py.detach(|| {
            if apart {
                answer_line_apart(session.as_mut(), kept, line.len(), text)
            } else {
                answer_line(session.as_mut(), kept, line.len(), text).map(|a| (a, Vec::new()))
            }
        });
        let (Answered { closed, pixels }, observation) =
            answered.map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        self.pixels = pixels;
        if closed {
            self.finish(py);
        }
        Ok(observation)
    }

    /// The last answer's line without its newline.
    fn answer_line(&self) -> &[u8] {
        self.text.strip_suffix(b"\n").unwrap_or(&self.text)
    }

    fn finish(&mut self, py: Python<'_>) {
        if let Some(mut session) = slot(&mut self.session).take() {
            py.detach(|| session.finish());
        }
    }
}

impl Drop for Simulator {
    fn drop(&mut self) {
        if let Some(mut session) = slot(&mut self.session).take() {
            session.finish();
        }
    }
}

/// The session's slot; a panic in an earlier answer poisons nothing that matters here (the
/// session is used only through `&mut`), so the slot is taken as it is.
fn slot(
    session: &mut Mutex<Option<Box<dyn Session + Send>>>,
) -> &mut Option<Box<dyn Session + Send>> {
    session
        .get_mut()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Simulator>()?;
    module.add("LINE_BYTES", LINE_BYTES)?;
    Ok(())
}

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
