//! Naming goals (goals.html): the child's widget with the naming screens,
//! built with the `naming` feature, so the check-ins never download them.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    ally::components::app::mount();
}
