//! The project's own simple pictures for easy read: one beside each outcome tag.
//!
//! Every picture is drawn for this project (none is copied from a pictogram set). Each is a few
//! SVG paths on a 48×48 grid, drawn as
//! `<svg viewBox="0 0 48 48" aria-hidden="true">`: every entry of [`Picture::strokes`] as a
//! `<path>` with `fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round"
//! stroke-linejoin="round"`, every entry of [`Picture::fills`] as a `<path fill="currentColor">`.
//! The pictures keep about 3 units of margin, so no stroke is clipped.
//!
//! A template's outcome tag names its picture (`"picture": "safe"`); the names are checked when
//! the template is read.
//!
//! ```
//! use outcomes_core::picture;
//!
//! let safe = picture::picture("safe").expect("a picture");
//! assert_eq!(safe.description, "a shield with a tick");
//! assert!(picture::names().any(|name| name == "home"));
//! ```

/// One picture: what it shows, and its paths on the 48×48 grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picture {
    /// Its name in templates, kebab-case, by what it shows or means.
    pub name: &'static str,
    /// What it shows, in a few plain words ("a shield with a tick").
    pub description: &'static str,
    /// Path `d` strings drawn with a round stroke of width 3 and no fill.
    pub strokes: &'static [&'static str],
    /// Path `d` strings drawn filled (small solid parts: eyes, dots).
    pub fills: &'static [&'static str],
}

/// Every picture, in the order the gallery shows them.
pub const PICTURES: &[Picture] = &[
    Picture {
        name: "safe",
        description: "a shield with a tick",
        strokes: &[
            "M24 4 L40 10 V22 C40 32 33 40 24 44 C15 40 8 32 8 22 V10 Z",
            "M17 24 L22 29 L31 19",
        ],
        fills: &[],
    },
    Picture {
        name: "home",
        description: "a house with a door",
        strokes: &[
            "M5 23 L24 6 L43 23",
            "M11 18 V42 H37 V18",
            "M20 42 V31 H28 V42",
        ],
        fills: &[],
    },
    Picture {
        name: "heart",
        description: "a heart",
        strokes: &["M24 41 C10 32 5 24 5 16 C5 10 10 6 15 6 C19 6 22 8 24 12 C26 8 29 6 33 6 C38 6 43 10 43 16 C43 24 38 32 24 41 Z"],
        fills: &[],
    },
    Picture {
        name: "friends",
        description: "two people side by side",
        strokes: &[
            "M9 14 A5 5 0 1 0 19 14 A5 5 0 1 0 9 14 Z",
            "M29 14 A5 5 0 1 0 39 14 A5 5 0 1 0 29 14 Z",
            "M6 42 V34 C6 28 9 25 14 25 C19 25 22 28 22 34 V42",
            "M26 42 V34 C26 28 29 25 34 25 C39 25 42 28 42 34 V42",
        ],
        fills: &[],
    },
    Picture {
        name: "group",
        description: "three people together",
        strokes: &[
            "M5 18 A4 4 0 1 0 13 18 A4 4 0 1 0 5 18 Z",
            "M19 13 A5 5 0 1 0 29 13 A5 5 0 1 0 19 13 Z",
            "M35 18 A4 4 0 1 0 43 18 A4 4 0 1 0 35 18 Z",
            "M3 40 V33 C3 29 5.5 27 9 27 C10.5 27 11.8 27.4 12.8 28",
            "M17 43 V33 C17 27.5 20 24 24 24 C28 24 31 27.5 31 33 V43",
            "M45 40 V33 C45 29 42.5 27 39 27 C37.5 27 36.2 27.4 35.2 28",
        ],
        fills: &[],
    },
    Picture {
        name: "talk",
        description: "a speech bubble",
        strokes: &["M10 8 H38 C41 8 43 10 43 13 V28 C43 31 41 33 38 33 H20 L11 41 V33 H10 C7 33 5 31 5 28 V13 C5 10 7 8 10 8 Z"],
        fills: &[
            "M13.8 20.5 A2.2 2.2 0 1 0 18.2 20.5 A2.2 2.2 0 1 0 13.8 20.5 Z",
            "M21.8 20.5 A2.2 2.2 0 1 0 26.2 20.5 A2.2 2.2 0 1 0 21.8 20.5 Z",
            "M29.8 20.5 A2.2 2.2 0 1 0 34.2 20.5 A2.2 2.2 0 1 0 29.8 20.5 Z",
        ],
    },
    Picture {
        name: "conversation",
        description: "two speech bubbles",
        strokes: &[
            "M7 5 H25 C26.7 5 28 6.3 28 8 V18 C28 19.7 26.7 21 25 21 H14 L8 26 V21 H7 C5.3 21 4 19.7 4 18 V8 C4 6.3 5.3 5 7 5 Z",
            "M23 24 H41 C42.7 24 44 25.3 44 27 V37 C44 38.7 42.7 40 41 40 H40 V45 L34 40 H23 C21.3 40 20 38.7 20 37 V27 C20 25.3 21.3 24 23 24 Z",
        ],
        fills: &[
            "M8.2 13 A1.8 1.8 0 1 0 11.8 13 A1.8 1.8 0 1 0 8.2 13 Z",
            "M14.2 13 A1.8 1.8 0 1 0 17.8 13 A1.8 1.8 0 1 0 14.2 13 Z",
            "M20.2 13 A1.8 1.8 0 1 0 23.8 13 A1.8 1.8 0 1 0 20.2 13 Z",
            "M24.2 32 A1.8 1.8 0 1 0 27.8 32 A1.8 1.8 0 1 0 24.2 32 Z",
            "M30.2 32 A1.8 1.8 0 1 0 33.8 32 A1.8 1.8 0 1 0 30.2 32 Z",
            "M36.2 32 A1.8 1.8 0 1 0 39.8 32 A1.8 1.8 0 1 0 36.2 32 Z",
        ],
    },
    Picture {
        name: "listen",
        description: "an ear hearing a sound",
        strokes: &[
            "M18 18 C18 10 24 5 31 5 C38 5 43 11 43 18 C43 25 38 28 35 32 C33 35 33 40 28 42 C24 44 19 42 18 38",
            "M25 19 C25 15 28 12 31 12 C34 12 36 15 36 18 C36 21 33 22 32 25",
            "M11 15 C9 18 9 22 11 25",
            "M6 11 C3 16 3 24 6 29",
        ],
        fills: &[],
    },
    Picture {
        name: "respect",
        description: "two people with a heart between them",
        strokes: &[
            "M7 22 A4 4 0 1 0 15 22 A4 4 0 1 0 7 22 Z",
            "M33 22 A4 4 0 1 0 41 22 A4 4 0 1 0 33 22 Z",
            "M4 44 V38 C4 34 7 31 11 31 C15 31 18 34 18 38 V44",
            "M30 44 V38 C30 34 33 31 37 31 C41 31 44 34 44 38 V44",
        ],
        fills: &["M24 22 C19 19 16 16 16 12.5 C16 10 18 8 20.2 8 C22 8 23.3 9 24 10.5 C24.7 9 26 8 27.8 8 C30 8 32 10 32 12.5 C32 16 29 19 24 22 Z"],
    },
    Picture {
        name: "help-comes",
        description: "a clock moving fast",
        strokes: &[
            "M13 25 A15 15 0 1 0 43 25 A15 15 0 1 0 13 25 Z",
            "M28 16 V25 L34 29",
            "M4 18 H9",
            "M3 25 H9",
            "M4 32 H9",
        ],
        fills: &[],
    },
    Picture {
        name: "on-time",
        description: "a calendar with a tick",
        strokes: &[
            "M9 10 H39 C40.7 10 42 11.3 42 13 V40 C42 41.7 40.7 43 39 43 H9 C7.3 43 6 41.7 6 40 V13 C6 11.3 7.3 10 9 10 Z",
            "M6 19 H42",
            "M16 5 V13",
            "M32 5 V13",
            "M16 31 L22 37 L33 26",
        ],
        fills: &[],
    },
    Picture {
        name: "confident",
        description: "a person with both arms raised",
        strokes: &[
            "M19.5 9 A4.5 4.5 0 1 0 28.5 9 A4.5 4.5 0 1 0 19.5 9 Z",
            "M12 6 L24 20 L36 6",
            "M24 17 V31",
            "M16 44 L24 31 L32 44",
        ],
        fills: &[],
    },
    Picture {
        name: "skills",
        description: "a spanner",
        strokes: &["M16.7 27.4 L27.4 16.7 A7.5 7.5 0 0 1 36.8 6.7 L30.9 12.5 L35.5 17.1 L41.3 11.2 A7.5 7.5 0 0 1 31.3 20.6 L20.6 31.3 A7.5 7.5 0 0 1 11.2 41.3 L17.1 35.5 L12.5 30.9 L6.7 36.8 A7.5 7.5 0 0 1 16.7 27.4 Z"],
        fills: &[],
    },
    Picture {
        name: "walking",
        description: "a person walking with a stick",
        strokes: &[
            "M17.5 8 A4.5 4.5 0 1 0 26.5 8 A4.5 4.5 0 1 0 17.5 8 Z",
            "M21 15 L19 29",
            "M14 25 L21 17 L31 24",
            "M31 24 V44",
            "M13 44 L19 29 L24 36 L25 44",
        ],
        fills: &[],
    },
    Picture {
        name: "feeling-better",
        description: "a sticking plaster",
        strokes: &[
            "M8.8 27.9 L27.9 8.8 A8 8 0 0 1 39.2 20.1 L20.1 39.2 A8 8 0 0 1 8.8 27.9 Z",
            "M14.5 22.2 L25.8 33.5",
            "M22.2 14.5 L33.5 25.8",
        ],
        fills: &[
            "M14.4 31.8 A1.8 1.8 0 1 0 18 31.8 A1.8 1.8 0 1 0 14.4 31.8 Z",
            "M30 16.2 A1.8 1.8 0 1 0 33.6 16.2 A1.8 1.8 0 1 0 30 16.2 Z",
        ],
    },
    Picture {
        name: "fair",
        description: "balance scales, level",
        strokes: &[
            "M24 6 V42",
            "M15 42 H33",
            "M8 12 H40",
            "M3.5 27 L8 12 L12.5 27",
            "M35.5 27 L40 12 L44.5 27",
            "M3 27 H13 A5 5 0 0 1 3 27 Z",
            "M35 27 H45 A5 5 0 0 1 35 27 Z",
        ],
        fills: &["M21.5 6 A2.5 2.5 0 1 0 26.5 6 A2.5 2.5 0 1 0 21.5 6 Z"],
    },
    Picture {
        name: "activity",
        description: "a painter's palette",
        strokes: &["M24 5 C12 5 4 13 4 23 C4 34 13 43 23 43 C27 43 28 40 27 37 C26 34 28 31 32 31 H37 C41 31 44 28 44 23 C44 13 35 5 24 5 Z"],
        fills: &[
            "M11.2 18 A2.8 2.8 0 1 0 16.8 18 A2.8 2.8 0 1 0 11.2 18 Z",
            "M19.2 12 A2.8 2.8 0 1 0 24.8 12 A2.8 2.8 0 1 0 19.2 12 Z",
            "M28.2 13 A2.8 2.8 0 1 0 33.8 13 A2.8 2.8 0 1 0 28.2 13 Z",
            "M10.2 28 A2.8 2.8 0 1 0 15.8 28 A2.8 2.8 0 1 0 10.2 28 Z",
        ],
    },
    Picture {
        name: "my-life",
        description: "a person in the sun",
        strokes: &[
            "M13 21 A5 5 0 1 0 23 21 A5 5 0 1 0 13 21 Z",
            "M8 44 V38 C8 33 12 30 18 30 C24 30 28 33 28 38 V44",
            "M30.5 13.5 A4.5 4.5 0 1 0 39.5 13.5 A4.5 4.5 0 1 0 30.5 13.5 Z",
            "M42.5 13.5 L45 13.5",
            "M40.3 18.8 L42.1 20.6",
            "M35 21 L35 23.5",
            "M29.7 18.8 L27.9 20.6",
            "M27.5 13.5 L25 13.5",
            "M29.7 8.2 L27.9 6.4",
            "M35 6 L35 3.5",
            "M40.3 8.2 L42.1 6.4",
        ],
        fills: &[],
    },
    Picture {
        name: "money",
        description: "a bank note and a coin",
        strokes: &[
            "M20.5 27 H7 C5.3 27 4 25.7 4 24 V10 C4 8.3 5.3 7 7 7 H39 C40.7 7 42 8.3 42 10 V21.5",
            "M17 17 A5 5 0 1 0 27 17 A5 5 0 1 0 17 17 Z",
            "M23 34 A10 10 0 1 0 43 34 A10 10 0 1 0 23 34 Z",
            "M28 34 A5 5 0 1 0 38 34 A5 5 0 1 0 28 34 Z",
        ],
        fills: &[
            "M8 12.5 A1.8 1.8 0 1 0 11.6 12.5 A1.8 1.8 0 1 0 8 12.5 Z",
            "M34.4 12.5 A1.8 1.8 0 1 0 38 12.5 A1.8 1.8 0 1 0 34.4 12.5 Z",
        ],
    },
    Picture {
        name: "choices",
        description: "a signpost pointing two ways",
        strokes: &[
            "M24 6 V44",
            "M17 44 H31",
            "M24 10 H38 L43 15 L38 20 H24",
            "M24 24 H10 L5 29 L10 34 H24",
        ],
        fills: &[],
    },
    Picture {
        name: "learning",
        description: "an open book",
        strokes: &[
            "M24 13 C19 9 11 8 5 10 V38 C11 36 19 37 24 41 C29 37 37 36 43 38 V10 C37 8 29 9 24 13 Z",
            "M24 13 V41",
        ],
        fills: &[],
    },
    Picture {
        name: "happy",
        description: "a smiling face",
        strokes: &[
            "M5 24 A19 19 0 1 0 43 24 A19 19 0 1 0 5 24 Z",
            "M15 28 C18 34.5 30 34.5 33 28",
        ],
        fills: &[
            "M14.4 19 A2.6 2.6 0 1 0 19.6 19 A2.6 2.6 0 1 0 14.4 19 Z",
            "M28.4 19 A2.6 2.6 0 1 0 33.6 19 A2.6 2.6 0 1 0 28.4 19 Z",
        ],
    },
    Picture {
        name: "together",
        description: "two people holding hands",
        strokes: &[
            "M8 9 A4 4 0 1 0 16 9 A4 4 0 1 0 8 9 Z",
            "M32 9 A4 4 0 1 0 40 9 A4 4 0 1 0 32 9 Z",
            "M12 16 V30",
            "M36 16 V30",
            "M7 44 L12 30 L17 44",
            "M31 44 L36 30 L41 44",
            "M6 27 L12 18 L24 25 L36 18 L42 27",
        ],
        fills: &[],
    },
    Picture {
        name: "door",
        description: "an open door",
        strokes: &[
            "M12 44 V5 H36 V44",
            "M12 5 L27 9 V41 L12 44",
            "M6 44 H42",
        ],
        fills: &["M21.7 26 A1.8 1.8 0 1 0 25.3 26 A1.8 1.8 0 1 0 21.7 26 Z"],
    },
    Picture {
        name: "star",
        description: "a star",
        strokes: &["M24 5.5 L29 18.6 L43 19.3 L32.1 28.1 L35.8 41.7 L24 34 L12.2 41.7 L15.9 28.1 L5 19.3 L19 18.6 Z"],
        fills: &[],
    },
    Picture {
        name: "achieve",
        description: "a trophy",
        strokes: &[
            "M14 6 H34 V16 C34 24 30 29 24 29 C18 29 14 24 14 16 Z",
            "M14 10 H8 C8 17 10 20 15 21",
            "M34 10 H40 C40 17 38 20 33 21",
            "M24 29 V36",
            "M16 36 H32 V42 H16 Z",
        ],
        fills: &[],
    },
    Picture {
        name: "active",
        description: "a person running",
        strokes: &[
            "M26.5 8 A4.5 4.5 0 1 0 35.5 8 A4.5 4.5 0 1 0 26.5 8 Z",
            "M28 16 L22 28",
            "M14 25 L19 19 L27 18 L35 22 L39 17",
            "M8 37 L16 37 L22 28 L31 33 L30 43",
            "M3 14 H10",
            "M5 20 H11",
        ],
        fills: &[],
    },
    Picture {
        name: "idea",
        description: "a light bulb",
        strokes: &[
            "M18 32 C13 29 10 24 10 19 C10 11 16.5 5 24 5 C31.5 5 38 11 38 19 C38 24 35 29 30 32 V35 H18 Z",
            "M19 40 H29",
            "M21 44 H27",
            "M4 19 H6",
            "M42 19 H44",
        ],
        fills: &[],
    },
    Picture {
        name: "document",
        description: "a page with lines of writing",
        strokes: &[
            "M11 4 H29 L38 13 V44 H11 Z",
            "M29 4 V13 H38",
            "M17 22 H32",
            "M17 29 H32",
            "M17 36 H27",
        ],
        fills: &[],
    },
    Picture {
        name: "belong",
        description: "three people inside a circle",
        strokes: &[
            "M4 24 A20 20 0 1 0 44 24 A20 20 0 1 0 4 24 Z",
            "M9.9 18.6 A3.6 3.6 0 1 0 17.1 18.6 A3.6 3.6 0 1 0 9.9 18.6 Z",
            "M19.8 14.4 A4.2 4.2 0 1 0 28.2 14.4 A4.2 4.2 0 1 0 19.8 14.4 Z",
            "M30.9 18.6 A3.6 3.6 0 1 0 38.1 18.6 A3.6 3.6 0 1 0 30.9 18.6 Z",
            "M8.1 33.5 V31.2 C8.1 28.2 10.5 26.4 13.5 26.4 C14.5 26.4 15.3 26.6 16 27",
            "M17.4 39 V30 C17.4 25.2 20.4 22.8 24 22.8 C27.6 22.8 30.6 25.2 30.6 30 V39",
            "M39.9 33.5 V31.2 C39.9 28.2 37.5 26.4 34.5 26.4 C33.5 26.4 32.7 26.6 32 27",
        ],
        fills: &[],
    },
    Picture {
        name: "keep-going",
        description: "steps with an arrow going up",
        strokes: &[
            "M4 43 H14 V34 H24 V25 H34 V16 H44",
            "M7 29 L28 8",
            "M19 7 H29 V17",
        ],
        fills: &[],
    },
    Picture {
        name: "healthy",
        description: "an apple",
        strokes: &[
            "M24 15 C20 11 8 11 8 24 C8 35 16 43 21 43 C23 43 23 42 24 42 C25 42 25 43 27 43 C32 43 40 35 40 24 C40 11 28 11 24 15 Z",
            "M24 15 C24 11 25 8 27 6",
            "M26 10 C28 5 33 4 36 5 C35 9 31 11 26 10 Z",
        ],
        fills: &[],
    },
    Picture {
        name: "responsible",
        description: "a hand held up",
        strokes: &["M16 29 V10 A2.5 2.5 0 0 1 21 10 V22 V7 A2.5 2.5 0 0 1 26 7 V22 V9 A2.5 2.5 0 0 1 31 9 V23 V13 A2.5 2.5 0 0 1 36 13 V29 C36 37 31 43 24 43 C18 43 14 39 12 35 L7 27 A2.5 2.5 0 0 1 11 24 L16 29"],
        fills: &[],
    },
    Picture {
        name: "flexible",
        description: "two curved arrows going round",
        strokes: &[
            "M9.9 18.9 A15 15 0 0 1 37 16.5",
            "M38.1 8.9 L37 16.5 L29.8 13.7",
            "M38.1 29.1 A15 15 0 0 1 11 31.5",
            "M9.9 39.1 L11 31.5 L18.2 34.3",
        ],
        fills: &[],
    },
];

/// A picture by name.
pub fn picture(name: &str) -> Option<&'static Picture> {
    PICTURES.iter().find(|p| p.name == name)
}

/// Every picture's name, in gallery order.
pub fn names() -> impl Iterator<Item = &'static str> {
    PICTURES.iter().map(|p| p.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A path's commands with their numbers, or what is wrong with it.
    fn commands(d: &str) -> Result<Vec<(char, Vec<f64>)>, String> {
        let mut commands: Vec<(char, Vec<f64>)> = Vec::new();
        let mut chars = d.char_indices().peekable();
        while let Some(&(at, c)) = chars.peek() {
            if c == ' ' || c == ',' {
                chars.next();
            } else if "MLHVCSQTAZmlhvcsqtaz".contains(c) {
                commands.push((c, Vec::new()));
                chars.next();
            } else if c == '-' || c == '.' || c.is_ascii_digit() {
                let mut number = String::new();
                let mut seen_dot = false;
                while let Some(&(_, c)) = chars.peek() {
                    let starts = number.is_empty() && c == '-';
                    if c.is_ascii_digit() || starts || (c == '.' && !seen_dot) {
                        seen_dot |= c == '.';
                        number.push(c);
                        chars.next();
                    } else {
                        break;
                    }
                }
                let value: f64 = number
                    .parse()
                    .map_err(|_| format!("\"{number}\" at {at} is not a number"))?;
                match commands.last_mut() {
                    Some((_, numbers)) => numbers.push(value),
                    None => return Err("a path starts with a command".into()),
                }
            } else {
                return Err(format!("'{c}' at {at} is not allowed in a path"));
            }
        }
        Ok(commands)
    }

    fn arity(command: char) -> usize {
        match command.to_ascii_uppercase() {
            'M' | 'L' | 'T' => 2,
            'H' | 'V' => 1,
            'S' | 'Q' => 4,
            'C' => 6,
            'A' => 7,
            _ => 0,
        }
    }

    fn every_path() -> impl Iterator<Item = (&'static str, &'static str)> {
        PICTURES
            .iter()
            .flat_map(|p| p.strokes.iter().chain(p.fills).map(move |d| (p.name, *d)))
    }

    #[test]
    fn names_are_unique_and_kebab_case() {
        let mut seen = std::collections::BTreeSet::new();
        for name in names() {
            assert!(seen.insert(name), "{name} is there twice");
            let kebab = !name.is_empty()
                && !name.starts_with('-')
                && !name.ends_with('-')
                && !name.contains("--")
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            assert!(kebab, "{name} is not kebab-case");
            assert!(crate::Id::new(name).is_ok(), "{name} is not an id");
            assert_eq!(picture(name).map(|p| p.name), Some(name));
        }
        assert!((28..=40).contains(&seen.len()), "{} pictures", seen.len());
        assert_eq!(picture("no-such-picture"), None);
    }

    #[test]
    fn every_picture_is_described_and_drawn_in_a_few_paths() {
        for p in PICTURES {
            assert!(!p.description.trim().is_empty(), "{}", p.name);
            assert!(
                p.description.chars().all(|c| !c.is_ascii_uppercase()),
                "{}: describe it in lower case, as a phrase",
                p.name
            );
            assert!(!p.strokes.is_empty(), "{}: draw it with strokes", p.name);
            assert!(p.strokes.len() + p.fills.len() <= 12, "{}: simpler", p.name);
        }
    }

    #[test]
    fn paths_use_only_simple_commands_and_numbers() {
        for (name, d) in every_path() {
            assert!(
                d.chars()
                    .all(|c| "MLHVCSQTAZmlhvcsqtaz0123456789 ,.-".contains(c)),
                "{name}: {d}"
            );
            let commands = commands(d).unwrap_or_else(|e| panic!("{name}: {e} in {d}"));
            assert!(
                matches!(commands.first(), Some(('M' | 'm', _))),
                "{name}: a path starts with M: {d}"
            );
            for (command, numbers) in &commands {
                let arity = arity(*command);
                let fits = if arity == 0 {
                    numbers.is_empty()
                } else {
                    !numbers.is_empty() && numbers.len() % arity == 0
                };
                assert!(
                    fits,
                    "{name}: {command} takes {arity} numbers at a time: {d}"
                );
            }
        }
    }

    #[test]
    fn absolute_points_lie_on_the_grid() {
        let on_grid = |v: f64| (0.0..=48.0).contains(&v);
        for (name, d) in every_path() {
            for (command, numbers) in commands(d).unwrap_or_default() {
                let points: Vec<f64> = match command {
                    'M' | 'L' | 'C' | 'Q' | 'S' | 'T' | 'H' | 'V' => numbers,
                    // Radii, rotation and flags are not points; the end point is.
                    'A' => numbers.chunks(7).flat_map(|a| a[5..].to_vec()).collect(),
                    _ => continue,
                };
                for v in points {
                    assert!(
                        on_grid(v),
                        "{name}: {command} goes to {v}, off the 48×48 grid: {d}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_checks_catch_bad_paths() {
        assert!(commands("M1 2 L3 4").is_ok());
        assert_eq!(commands("M1-2.5.5"), Ok(vec![('M', vec![1.0, -2.5, 0.5])]));
        assert!(commands("M1 2 X3").is_err());
        assert!(commands("1 2").is_err());
        assert!(commands("M1 2 e5").is_err());
    }

    #[test]
    fn every_builtin_tag_has_a_picture_that_exists() {
        for name in crate::builtin::names() {
            let template = crate::builtin::template(name).expect("a built-in template");
            for set in &template.outcome_sets {
                for tag in &set.tags {
                    let picture = tag
                        .picture
                        .as_ref()
                        .unwrap_or_else(|| panic!("{name}: tag {} has no picture", tag.id));
                    assert!(
                        super::picture(picture.as_str()).is_some(),
                        "{name}: tag {} has the unknown picture {picture}",
                        tag.id
                    );
                }
            }
        }
    }
}
