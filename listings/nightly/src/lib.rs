//! Nightly-only listings live in `examples/`; see tests/tests/nightly.rs.
