//! Hooks shared by components.

use yew::prelude::*;

/// Runs `effect` after a render in which `deps` changed, but not after the first render: for
/// reacting to what the person did (save, tell the host, move focus), not to the widget starting.
#[hook]
pub fn use_effect_on_change<T, F>(deps: T, effect: F)
where
    T: PartialEq + 'static,
    F: FnOnce(&T) + 'static,
{
    let first = use_mut_ref(|| true);
    use_effect_with(deps, move |deps| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            effect(deps);
        }
    });
}
