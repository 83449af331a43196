//! The file system at the edges: reading text in any encoding a translator's
//! files come in, writing without ever leaving a half-written file, and the
//! lock that keeps two satz processes from writing `memory/` at once.
//!
//! Reading: a UTF-8 or UTF-16 byte-order mark wins; without one, UTF-16 is
//! recognised by the `<?xml` it starts with or, in any text, by its zero
//! bytes (which UTF-8 text never holds), and an XML declaration's
//! `encoding` names a legacy encoding (windows-1252, ISO-8859-1, ...), as the
//! XML 1.0 specification (appendix F) describes. An input file the user
//! names ([`read_input`]) may be in the encoding `--encoding` gives (German
//! Excel and many CMS exports write windows-1252); what a file says of
//! itself wins over the option. Everything else must be UTF-8. Bytes that
//! cannot be decoded are an error at their line and column (in characters),
//! with the byte and, when it would be a letter in windows-1252, that hint.
//! Text is normalised to NFC on the way in, so the rest of satz may assume it.
//!
//! Writing: [`write_atomic`] writes a temporary file in the target's folder,
//! syncs it, renames it over the target and syncs the folder, so a crash
//! leaves either the old or the new file, never a mix. A path that is a
//! symbolic link (or a chain of them) is written through: the target is
//! the file at the end of the chain ([`write_target`]), so a glossary or a
//! memory file linked to a colleague's shared one updates the shared file
//! and the link stays a link. The lock ([`MemoryLock`]) of a write is
//! taken in that target's folder, where every other writer of the same
//! file takes it too.
//!
//! Files: `read.rs` (reading a file whole, NFC), `decode.rs` (encodings and
//! their errors), `write.rs` (the atomic write and the file it replaces),
//! `lock.rs` (the `memory/` lock).

mod decode;
mod lock;
mod read;
mod write;

pub use decode::{decode, decode_input, decode_owned, encoding_for_label};
pub use lock::{LOCK_FILE, MemoryLock};
pub use read::{nfc, nfc_str, read_bytes, read_input, read_text};
pub use write::{parent_dir, write_atomic, write_atomic_with, write_target};
