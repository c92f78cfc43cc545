fn main() {
    ally::components::app::mount();
}
