//! The coverage-guided fuzz targets (`fuzz/targets/`, run by `scripts/fuzz.sh` under AFL++), run
//! natively: every seed of every target (so an invariant that is wrong on valid input fails here,
//! not after an hour of fuzzing), and every input saved under `tests/fixtures/fuzz/TARGET/`, the
//! crashes fuzzing found, kept as regression tests. Also keeps the targets compiling in CI, which
//! does not build the AFL binary.

#[allow(dead_code)]
#[path = "../fuzz/targets/mod.rs"]
mod targets;

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_seed_passes_its_target() {
    for target in targets::TARGETS {
        let seeds = (target.seeds)(root());
        assert!(seeds.len() >= 4, "{}: only {} seeds", target.name, seeds.len());
        for seed in &seeds {
            (target.run)(seed);
        }
    }
}

#[test]
fn saved_crashes_no_longer_crash() {
    let dir = root().join("tests/fixtures/fuzz");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/fuzz") {
        let entry = entry.unwrap();
        if !entry.path().is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let target = targets::target(&name).unwrap_or_else(|| panic!("tests/fixtures/fuzz/{name}: no such target"));
        for input in std::fs::read_dir(entry.path()).unwrap() {
            let path = input.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            eprintln!("replaying {}", path.display());
            (target.run)(&data);
            replayed += 1;
        }
    }
    eprintln!("{replayed} saved inputs replayed");
}
