//! The designation: its model, the fields of the form, their normal forms and their validation.

mod applies;
mod field;
mod model;
pub mod normalize;
mod parse;
mod submission;
mod validate;

pub use field::{Field, UnknownChoice};
pub use model::*;
pub use parse::{ParseError, ParseErrorKind, from_json};
pub use submission::{
    Submission, SubmittedForm, SubmittedManager, SubmittedOrganization, SubmittedRequester,
    submission,
};
pub use validate::{MessageArg, Problem, Severity, is_email, validate, validate_step};
