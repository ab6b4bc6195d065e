//! The home screen's own entry point: js/boot.js loads this module for
//! the first load of `/`, which then needs neither the router nor the
//! other screens' code.

fn main() {
    console_error_panic_hook::set_once();
    let _ = console_log::init_with_level(log::Level::Info);
    leptos::mount::mount_to_body(dukao::HomeApp);
}
