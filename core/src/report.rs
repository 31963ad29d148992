//! Reports over many records.
