// cetra3/tmq#9: a socket type wrapping a raw C pointer, used inside a spawned task
struct Socket { raw: *mut std::ffi::c_void }
impl Socket {
    async fn recv(&self) -> Vec<u8> { let _ = self.raw; Vec::new() }
}
#[tokio::main]
async fn main() {
    let socket = Socket { raw: std::ptr::null_mut() };
    tokio::spawn(async move {
        loop {
            let msg = socket.recv().await;
            if msg.is_empty() { break; }
        }
    });
}
