//! Empty: the work is in tests/fail.rs.
