// not a Send problem at all: use after move (the book does not cover it)
fn main() {
    let s = String::from("x");
    let t = s;
    println!("{s} {t}");
}
