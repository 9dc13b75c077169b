//! CSV files of platform exports → import batches (written next).
