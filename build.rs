//! The web app's built files are embedded in the binary (`src/app/web.rs`): any change under
//! `web/dist`, a file added or removed included, rebuilds the crate.
fn main() {
    println!("cargo:rerun-if-changed=web/dist");
}
