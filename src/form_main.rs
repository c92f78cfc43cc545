//! The adults' forms (form.html): a caregiver's or the therapist's view,
//! built with the `form` feature, so the child's widget never downloads it.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    ally::components::app::mount_with(ally::form_ui::screen);
}
