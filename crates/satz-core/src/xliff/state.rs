//! Translation states: the values XLIFF and two CAT tools write, and which
//! of them make a target a confirmed translation that belongs in a memory.
//!
//! - XLIFF 1.2 `target/@state` (section 4.3 "state"): `new`,
//!   `needs-translation`, `needs-adaptation`, `needs-l10n`,
//!   `needs-review-translation`, `needs-review-adaptation`,
//!   `needs-review-l10n`, `translated`, `signed-off`, `final`; user values
//!   begin with `x-`. `trans-unit/@approved="yes"` says the translation is
//!   approved.
//! - XLIFF 2.0 to 2.2 `segment/@state` (section 4.3.1.43): `initial`,
//!   `translated`, `reviewed`, `final`.
//! - SDL Trados Studio keeps its status in `sdl:seg/@conf` (no attribute:
//!   "Not Translated").
//! - memoQ keeps its status in `trans-unit/@mq:status`.
//!
//! A value outside these lists is kept as [`State::Other`] (the reader
//! warns about it).

/// An XLIFF `state` value (1.2 and 2.x).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// 1.2 `new`: not translated yet.
    New,
    /// 1.2 `needs-translation`.
    NeedsTranslation,
    /// 1.2 `needs-adaptation`.
    NeedsAdaptation,
    /// 1.2 `needs-l10n`.
    NeedsL10n,
    /// 1.2 `needs-review-translation`.
    NeedsReviewTranslation,
    /// 1.2 `needs-review-adaptation`.
    NeedsReviewAdaptation,
    /// 1.2 `needs-review-l10n`.
    NeedsReviewL10n,
    /// 1.2 and 2.x `translated`.
    Translated,
    /// 1.2 `signed-off`.
    SignedOff,
    /// 1.2 and 2.x `final`.
    Final,
    /// 2.x `initial`: not translated yet.
    Initial,
    /// 2.x `reviewed`.
    Reviewed,
    /// Any other value, as written (`x-` user values, `needs-work`, typos).
    Other(String),
}

impl State {
    /// The state a value names; `Other` when it is none of the standard ones.
    pub fn parse(value: &str) -> State {
        match value {
            "new" => State::New,
            "needs-translation" => State::NeedsTranslation,
            "needs-adaptation" => State::NeedsAdaptation,
            "needs-l10n" => State::NeedsL10n,
            "needs-review-translation" => State::NeedsReviewTranslation,
            "needs-review-adaptation" => State::NeedsReviewAdaptation,
            "needs-review-l10n" => State::NeedsReviewL10n,
            "translated" => State::Translated,
            "signed-off" => State::SignedOff,
            "final" => State::Final,
            "initial" => State::Initial,
            "reviewed" => State::Reviewed,
            other => State::Other(other.to_owned()),
        }
    }

    /// The value as written in a file.
    pub fn as_str(&self) -> &str {
        match self {
            State::New => "new",
            State::NeedsTranslation => "needs-translation",
            State::NeedsAdaptation => "needs-adaptation",
            State::NeedsL10n => "needs-l10n",
            State::NeedsReviewTranslation => "needs-review-translation",
            State::NeedsReviewAdaptation => "needs-review-adaptation",
            State::NeedsReviewL10n => "needs-review-l10n",
            State::Translated => "translated",
            State::SignedOff => "signed-off",
            State::Final => "final",
            State::Initial => "initial",
            State::Reviewed => "reviewed",
            State::Other(s) => s,
        }
    }

    /// True for the states that mean a finished translation: 1.2
    /// `translated`, `signed-off`, `final`; 2.x `translated`, `reviewed`,
    /// `final`.
    pub fn is_confirmed(&self) -> bool {
        matches!(
            self,
            State::Translated | State::SignedOff | State::Final | State::Reviewed
        )
    }

    /// True for the states that say the target is not done, which even
    /// `approved="yes"` does not overrule: `new`, `initial`, every
    /// `needs-...` value and values beginning with `reject`.
    pub fn says_unfinished(&self) -> bool {
        match self {
            State::New
            | State::Initial
            | State::NeedsTranslation
            | State::NeedsAdaptation
            | State::NeedsL10n
            | State::NeedsReviewTranslation
            | State::NeedsReviewAdaptation
            | State::NeedsReviewL10n => true,
            State::Other(s) => {
                let s = s.to_ascii_lowercase();
                s.starts_with("needs") || s.starts_with("reject")
            }
            _ => false,
        }
    }

    /// True for a value outside the standard lists.
    pub fn is_other(&self) -> bool {
        matches!(self, State::Other(_))
    }
}

/// What a CAT tool records instead of (or besides) the XLIFF state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToolStatus {
    /// SDL Trados Studio `sdl:seg/@conf`: `Draft`, `Translated`,
    /// `RejectedTranslation`, `ApprovedTranslation`, `RejectedSignOff`,
    /// `ApprovedSignOff`; `NotTranslated` when the attribute is missing.
    Trados(String),
    /// memoQ `mq:status`: `NotStarted`, `PartiallyEdited`, `Pretranslated`,
    /// `MachineTranslated`, `ManuallyConfirmed`, `Confirmed`, `Proofread`,
    /// `Reviewer1Confirmed`, `Reviewer2Confirmed`, `Rejected`, ...
    MemoQ(String),
}

impl ToolStatus {
    /// True when the tool's status means a finished translation.
    pub fn is_confirmed(&self) -> bool {
        match self {
            ToolStatus::Trados(s) => matches!(
                s.as_str(),
                "Translated" | "ApprovedTranslation" | "ApprovedSignOff"
            ),
            ToolStatus::MemoQ(s) => matches!(
                s.as_str(),
                "ManuallyConfirmed"
                    | "Confirmed"
                    | "Proofread"
                    | "Reviewer1Confirmed"
                    | "Reviewer2Confirmed"
            ),
        }
    }

    /// True when the value is one the tool is known to write.
    pub fn is_known(&self) -> bool {
        match self {
            ToolStatus::Trados(s) => matches!(
                s.as_str(),
                "NotTranslated"
                    | "Unspecified"
                    | "Draft"
                    | "Translated"
                    | "RejectedTranslation"
                    | "ApprovedTranslation"
                    | "RejectedSignOff"
                    | "ApprovedSignOff"
            ),
            ToolStatus::MemoQ(s) => matches!(
                s.as_str(),
                "NotStarted"
                    | "Editing"
                    | "PartiallyEdited"
                    | "Pretranslated"
                    | "MachineTranslated"
                    | "ManuallyConfirmed"
                    | "Confirmed"
                    | "Proofread"
                    | "Reviewer1Confirmed"
                    | "Reviewer2Confirmed"
                    | "Rejected"
            ),
        }
    }

    /// How a skip reason names it: `Trados status Draft`.
    pub fn describe(&self) -> String {
        match self {
            ToolStatus::Trados(s) => format!("Trados status {s}"),
            ToolStatus::MemoQ(s) => format!("memoQ status {s}"),
        }
    }
}

/// Everything a file says about how finished one segment's target is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    /// The XLIFF `state`, when the file gives one.
    pub state: Option<State>,
    /// XLIFF 1.x `approved` (`yes` or `no`), when given.
    pub approved: Option<bool>,
    /// The CAT tool's own status, when it writes one.
    pub tool: Option<ToolStatus>,
}

impl Status {
    /// True when the file says anything about the segment's progress.
    pub fn is_given(&self) -> bool {
        self.state.is_some() || self.approved.is_some() || self.tool.is_some()
    }

    /// Whether a non-empty target with this status is a confirmed
    /// translation; `Err` gives the reason it is not, for the skip report.
    ///
    /// `file_writes_status` is true when some segment of the document has a
    /// status: then a segment without one is not taken as confirmed, while
    /// in a file whose tool writes none every target is.
    pub fn confirmed(&self, file_writes_status: bool) -> Result<(), String> {
        if let Some(tool) = &self.tool {
            return if tool.is_confirmed() {
                Ok(())
            } else {
                Err(tool.describe())
            };
        }
        if let Some(state) = &self.state
            && state.says_unfinished()
        {
            return Err(format!("state {}", state.as_str()));
        }
        if self.approved == Some(true) {
            return Ok(());
        }
        match &self.state {
            Some(state) if state.is_confirmed() => Ok(()),
            Some(state) => Err(format!("state {}", state.as_str())),
            None if self.approved == Some(false) => Err("approved=no".to_owned()),
            None if file_writes_status => Err("no state".to_owned()),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(state: Option<&str>, approved: Option<bool>) -> Status {
        Status {
            state: state.map(State::parse),
            approved,
            tool: None,
        }
    }

    #[test]
    fn values_round_trip() {
        for v in [
            "new",
            "needs-l10n",
            "signed-off",
            "final",
            "initial",
            "reviewed",
        ] {
            assert_eq!(State::parse(v).as_str(), v);
            assert!(!State::parse(v).is_other());
        }
        assert_eq!(State::parse("x-mine"), State::Other("x-mine".to_owned()));
    }

    #[test]
    fn confirmed_states_of_both_versions() {
        for v in ["translated", "signed-off", "final", "reviewed"] {
            assert_eq!(status(Some(v), None).confirmed(true), Ok(()), "{v}");
        }
        for v in ["new", "initial", "needs-review-l10n", "needs-translation"] {
            assert_eq!(
                status(Some(v), None).confirmed(true),
                Err(format!("state {v}"))
            );
        }
    }

    #[test]
    fn approval_confirms_unless_the_state_says_unfinished() {
        assert!(status(None, Some(true)).confirmed(true).is_ok());
        assert!(status(Some("fake"), Some(true)).confirmed(true).is_ok());
        assert!(
            status(Some("needs-review-translation"), Some(true))
                .confirmed(true)
                .is_err()
        );
        assert!(
            status(Some("needs-work"), Some(true))
                .confirmed(true)
                .is_err()
        );
        assert!(
            status(Some("rejected"), Some(true))
                .confirmed(true)
                .is_err()
        );
        assert!(status(None, Some(false)).confirmed(false).is_err());
    }

    #[test]
    fn no_status_counts_only_where_the_tool_writes_none() {
        assert!(status(None, None).confirmed(false).is_ok());
        assert_eq!(
            status(None, None).confirmed(true),
            Err("no state".to_owned())
        );
        assert_eq!(
            status(Some("fake"), None).confirmed(false),
            Err("state fake".to_owned())
        );
    }

    #[test]
    fn tool_statuses_decide() {
        let trados = |s: &str| Status {
            tool: Some(ToolStatus::Trados(s.to_owned())),
            ..Status::default()
        };
        assert!(trados("Translated").confirmed(true).is_ok());
        assert!(trados("ApprovedSignOff").confirmed(true).is_ok());
        assert_eq!(
            trados("Draft").confirmed(true),
            Err("Trados status Draft".to_owned())
        );
        let memoq = Status {
            tool: Some(ToolStatus::MemoQ("NotStarted".to_owned())),
            ..Status::default()
        };
        assert_eq!(
            memoq.confirmed(false),
            Err("memoQ status NotStarted".to_owned())
        );
        assert!(ToolStatus::MemoQ("Confirmed".to_owned()).is_confirmed());
    }
}
