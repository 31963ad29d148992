//! Hooks shared by components.

use outcomes_core::Id;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
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

/// Focus for a list the person adds to and removes from (outcomes, actions): the item just added
/// takes the focus (its editor is told through [`ListFocus::is_new`]), and after a removal the
/// add button does, so keyboard users are never left nowhere.
#[derive(Debug, Clone)]
pub struct ListFocus {
    added: UseStateHandle<Option<Id>>,
    removals: UseStateHandle<u32>,
    /// Put this on the list's add button.
    pub add_button: NodeRef,
}

impl ListFocus {
    pub fn added(&self, id: Id) {
        self.added.set(Some(id));
    }

    pub fn removed(&self) {
        self.removals.set(*self.removals + 1);
    }

    pub fn is_new(&self, id: &Id) -> bool {
        self.added.as_ref() == Some(id)
    }
}

#[hook]
pub fn use_list_focus() -> ListFocus {
    let added = use_state_eq(|| None::<Id>);
    let removals = use_state_eq(|| 0_u32);
    let add_button = use_node_ref();
    {
        let add_button = add_button.clone();
        use_effect_on_change(*removals, move |_| {
            if let Some(button) = add_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    ListFocus {
        added,
        removals,
        add_button,
    }
}

/// Listens to the window's `event` while mounted, with a `handler` made afresh whenever `deps`
/// change; the listener is removed on unmount and before each new one.
#[hook]
pub fn use_window_event<D, E, F>(event: &'static str, deps: D, make_handler: F)
where
    D: PartialEq + 'static,
    E: JsCast + 'static,
    F: FnOnce(&D) -> Box<dyn Fn(E)> + 'static,
{
    use_effect_with(deps, move |deps| {
        let handler = make_handler(deps);
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            handler(e.unchecked_into());
        });
        let window = web_sys::window();
        if let Some(window) = &window {
            let _ =
                window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(window) = window {
                let _ = window
                    .remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            }
        }
    });
}
