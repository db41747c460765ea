// not a Send problem at all: mismatched types
fn main() {
    let n: u32 = "five";
    println!("{n}");
}
