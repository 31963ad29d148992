//! A scripted submission endpoint on 127.0.0.1, on its own port (so also a cross-origin one, with
//! CORS as an organisation would set it up). Each POST gets the next reply of the script; the
//! last reply repeats. Accepted records are stored once per `Idempotency-Key`.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// What the endpoint does with one POST.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Close the connection without answering: the browser sees a network error.
    HangUp,
    /// Answer with this status and body.
    Status(u16, &'static str),
    /// Store the record (once per idempotency key) and answer 201.
    Accept,
}

#[derive(Debug, Default)]
struct Log {
    posts: usize,
    /// Stored records by idempotency key.
    stored: BTreeMap<String, String>,
}

#[derive(Debug)]
pub struct Endpoint {
    port: u16,
    log: Arc<Mutex<Log>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Endpoint {
    pub fn start(script: Vec<Reply>) -> Self {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind the endpoint");
        let port = listener.local_addr().expect("its address").port();
        let log = Arc::new(Mutex::new(Log::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (log, stop) = (Arc::clone(&log), Arc::clone(&stop));
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    if let Ok(stream) = stream {
                        let _ = serve(stream, &script, &log);
                    }
                }
            })
        };
        Self {
            port,
            log,
            stop,
            thread: Some(thread),
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/submit", self.port)
    }

    /// How many POSTs arrived.
    pub fn posts(&self) -> usize {
        self.log.lock().expect("the log").posts
    }

    /// The records stored, by idempotency key.
    pub fn stored(&self) -> BTreeMap<String, String> {
        self.log.lock().expect("the log").stored.clone()
    }
}

impl Drop for Endpoint {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the stop flag.
        let _ = TcpStream::connect((Ipv4Addr::LOCALHOST, self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(stream: TcpStream, script: &[Reply], log: &Mutex<Log>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut headers = BTreeMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
    }
    let length = headers
        .get("content-length")
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    let mut stream = stream;
    if request_line.starts_with("OPTIONS") {
        return respond(&mut stream, 204, "");
    }
    let reply = {
        let mut log = log.lock().expect("the log");
        log.posts += 1;
        let reply = script
            .get(log.posts - 1)
            .or(script.last())
            .cloned()
            .unwrap_or(Reply::Accept);
        if reply == Reply::Accept {
            let key = headers.get("idempotency-key").cloned().unwrap_or_default();
            log.stored
                .entry(key)
                .or_insert_with(|| String::from_utf8_lossy(&body).into_owned());
        }
        reply
    };
    match reply {
        Reply::HangUp => Ok(()),
        Reply::Status(status, body) => respond(&mut stream, status, body),
        Reply::Accept => respond(&mut stream, 201, r#"{"ok":true}"#),
    }
}

fn respond(stream: &mut TcpStream, status: u16, body: &str) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status} Scripted\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Access-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: POST\r\n\
         Access-Control-Allow-Headers: Content-Type, Idempotency-Key\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    stream.flush()
}
