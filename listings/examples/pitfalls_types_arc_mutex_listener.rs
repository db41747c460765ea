use std::sync::{Arc, Mutex};

trait Listener {
    fn changed(&mut self, text: &str);
}

#[derive(Default)]
struct Recorder(Vec<String>);

impl Listener for Recorder {
    fn changed(&mut self, text: &str) {
        self.0.push(text.to_string());
    }
}

// ANCHOR: editor
struct Editor {
    text: String,
    listener: Arc<Mutex<dyn Listener + Send>>,
}
// ANCHOR_END: editor

#[tokio::main]
async fn main() {
    let recorder = Arc::new(Mutex::new(Recorder::default()));
    let listener: Arc<Mutex<dyn Listener + Send>> = recorder.clone();
    let mut editor = Editor {
        text: String::new(),
        listener,
    };
    tokio::spawn(async move {
        editor.text.push_str("hi");
        editor.listener.lock().unwrap().changed(&editor.text);
    })
    .await
    .unwrap();
    assert_eq!(recorder.lock().unwrap().0, ["hi"]);
    println!("{:?}", recorder.lock().unwrap().0);
}
