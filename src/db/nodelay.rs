//! TCP_NODELAY on the sockets of PostgreSQL connections, which sqlx 0.9.0 leaves off
//! (launchbadge/sqlx#4335: fixed upstream, not released). Without it, Nagle's algorithm holds the
//! last part of a statement larger than one TCP segment (an import's chunk, a bonus run's rows)
//! until the server's delayed ACK, about 40 ms a statement. sqlx does not hand out its socket, so
//! each time a connection is made, every TCP socket of the process whose peer is the database's
//! port gets the option (again, for those that have it: harmless). Linux only (`/proc/self/fd`);
//! elsewhere nothing changes. Remove with the sqlx release that has the fix.

use std::os::fd::{BorrowedFd, RawFd};

use socket2::{SockRef, Type};

/// Sets TCP_NODELAY on the process's TCP sockets connected to `port`.
pub fn set_on_sockets_to(port: u16) {
    for fd in sockets_to(port) {
        // A socket that refuses the option keeps Nagle's algorithm: slower, still correct.
        let _ = with_socket(fd, |s| s.set_tcp_nodelay(true));
    }
}

/// The process's TCP sockets whose peer's port is `port`.
fn sockets_to(port: u16) -> Vec<RawFd> {
    let Ok(fds) = std::fs::read_dir("/proc/self/fd") else {
        return Vec::new();
    };
    fds.flatten()
        .filter(|entry| {
            std::fs::read_link(entry.path())
                .is_ok_and(|target| target.to_string_lossy().starts_with("socket:"))
        })
        .filter_map(|entry| entry.file_name().to_str()?.parse::<RawFd>().ok())
        .filter(|&fd| {
            with_socket(fd, |s| {
                let peer = s.peer_addr()?.as_socket();
                Ok(s.r#type()? == Type::STREAM && peer.is_some_and(|a| a.port() == port))
            })
            .unwrap_or(false)
        })
        .collect()
}

/// Whether every TCP socket to `port` has the option; None if there is none.
#[cfg(test)]
pub(super) fn is_set_on_sockets_to(port: u16) -> Option<bool> {
    let sockets = sockets_to(port);
    let set = sockets
        .iter()
        .all(|&fd| with_socket(fd, |s| s.tcp_nodelay()).unwrap_or(false));
    (!sockets.is_empty()).then_some(set)
}

fn with_socket<T>(
    fd: RawFd,
    f: impl FnOnce(SockRef<'_>) -> std::io::Result<T>,
) -> std::io::Result<T> {
    // SAFETY: the descriptor was open when listed and is only used for the calls of `f`. Were it
    // closed meanwhile they fail (EBADF); were its number reused, the option is set only if the
    // new socket too is a TCP socket to the database, which is what is wanted.
    let fd = unsafe { BorrowedFd::borrow_raw(fd) };
    f(SockRef::from(&fd))
}

#[cfg(test)]
mod tests {
    use std::net::{TcpListener, TcpStream};

    use super::*;

    #[test]
    fn only_the_sockets_to_the_port_get_the_option() {
        let database = TcpListener::bind("127.0.0.1:0").unwrap();
        let other = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = database.local_addr().unwrap().port();
        let to_database = TcpStream::connect(database.local_addr().unwrap()).unwrap();
        let to_other = TcpStream::connect(other.local_addr().unwrap()).unwrap();
        let (accepted, _) = database.accept().unwrap();
        assert!(!to_database.nodelay().unwrap(), "off by default");
        set_on_sockets_to(port);
        assert!(to_database.nodelay().unwrap());
        assert!(!to_other.nodelay().unwrap(), "another port");
        assert!(
            !accepted.nodelay().unwrap(),
            "the server's end: its peer is another port"
        );
    }
}
