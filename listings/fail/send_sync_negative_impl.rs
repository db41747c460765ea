// Opting out of `Send` the way std does it: not available on stable.
struct Handle {
    id: u32,
}

impl !Send for Handle {}

fn main() {
    println!("{}", Handle { id: 1 }.id);
}
