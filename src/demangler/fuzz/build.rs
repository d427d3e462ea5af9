//! The differential target links GNU libiberty 2.47, built by
//! `bash ci/build_cxxfilt.sh` into target/gnu/2.47/lib (or $LIBIBERTY_DIR).
//! Only this fuzz crate links it: it is an oracle, never part of a package.

fn main() {
    let dir = std::env::var("LIBIBERTY_DIR").unwrap_or_else(|_| {
        let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap();
        format!("{manifest}/../../../target/gnu/2.47/lib")
    });
    println!("cargo:rerun-if-env-changed=LIBIBERTY_DIR");
    // A libiberty.a built after this crate (ci/build_cxxfilt.sh run later)
    // is linked at the next build.
    println!("cargo:rerun-if-changed={dir}/libiberty.a");
    if std::path::Path::new(&dir).join("libiberty.a").exists() {
        println!("cargo:rustc-link-search=native={dir}");
        println!("cargo:rustc-cfg=libiberty");
    }
    println!("cargo::rustc-check-cfg=cfg(libiberty)");
}
