//! Enums whose values are written as names (`"draft"`, `"person"`, `"maintain"`): each name is
//! spelled once, here in its enum's declaration, and JSON, CSV, FHIR, the widget's attributes
//! and its form values all use it through [`Named`].

/// An enum whose every value has one written name.
pub trait Named: Sized + Copy + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// Every name, in declaration order (for "expected one of …" messages).
    const NAMES: &'static [&'static str];

    /// The value's written name, e.g. `"self"`.
    fn name(self) -> &'static str;

    /// The value with this written name.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.name() == name)
    }
}

/// Declares a fieldless enum with one written name per value: [`Named`], `Display`, serde (the
/// name as a JSON string; an unknown name is an error that lists the known ones) and, for the
/// JSON Schemas, a string enum.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $crate::names::Named for $name {
            const ALL: &'static [Self] = &[$($name::$variant,)*];
            const NAMES: &'static [&'static str] = &[$($text,)*];
            fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::names::Named::name(*self))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::names::Named::name(*self))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::names::NameVisitor::<$name>::new())
            }
        }

        #[cfg(any(test, feature = "schema"))]
        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                ::schemars::json_schema!({
                    "type": "string",
                    "enum": <$name as $crate::names::Named>::NAMES,
                })
            }
        }
    };
}

pub(crate) use named_enum;

/// Reads a [`Named`] value from a JSON string.
#[doc(hidden)]
#[derive(Debug)]
pub struct NameVisitor<T>(std::marker::PhantomData<T>);

impl<T> NameVisitor<T> {
    pub(crate) fn new() -> Self {
        Self(std::marker::PhantomData)
    }
}

impl<T: Named> serde::de::Visitor<'_> for NameVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "one of {}", T::NAMES.join(", "))
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
        T::from_name(value).ok_or_else(|| E::unknown_variant(value, T::NAMES))
    }
}

#[cfg(test)]
mod tests {
    use super::Named;
    use crate::{Mode, OutcomeKind, Role, Status};

    #[test]
    fn names_round_trip_through_json() {
        fn check<
            T: Named + serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
        >() {
            for value in T::ALL {
                let json = serde_json::to_string(value).unwrap();
                assert_eq!(json, format!("\"{}\"", value.name()));
                assert_eq!(serde_json::from_str::<T>(&json).unwrap(), *value);
                assert_eq!(T::from_name(value.name()), Some(*value));
            }
        }
        check::<Status>();
        check::<Role>();
        check::<OutcomeKind>();
        check::<Mode>();
        assert_eq!(Mode::SelfCompletion.name(), "self");
    }

    #[test]
    fn an_unknown_name_lists_the_known_ones() {
        let err = serde_json::from_str::<Status>("\"finished\"").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown variant `finished`, expected one of `draft`, `complete`, `submitted` at line 1 column 10"
        );
    }
}
