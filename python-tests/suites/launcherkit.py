"""Starting ./gilfree from a test as a user's shell would: SIGINT at its default (a test runner started in
the background passes it on ignored, and an ignored SIGINT stays ignored, as with python), optionally on a
pseudo-terminal of its own (the interactive prompt, Ctrl-C typed as a key)."""
import fcntl
import os
import select
import shutil
import signal
import struct
import subprocess
import termios
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
GILFREE = os.path.join(ROOT, "gilfree")

# Run by a plain python3 between the test and the launcher: resets SIGINT, and on a terminal makes it the
# controlling terminal of a new session, so Ctrl-C typed there signals the launcher's process group.
_EXEC = ("import os, signal, sys\n"
         "if sys.argv[1] == 'tty':\n"
         "    os.setsid(); os.close(os.open(os.ttyname(0), os.O_RDWR))\n"
         "signal.signal(signal.SIGINT, signal.SIG_DFL)\n"
         "os.execv(sys.argv[2], sys.argv[2:])\n")


def _python():
    p = shutil.which("python3")
    if p is None:
        raise RuntimeError("no python3 on PATH to start the launcher with")
    return p


def launcher_env(**extra):
    return dict(os.environ, GILFREE_NO_BUILD="1", **extra)


def start(runtime, *args, cwd=None, env=None):
    """./gilfree --runtime RUNTIME ARGS with pipes, SIGINT at its default."""
    return subprocess.Popen([_python(), "-c", _EXEC, "pipe", GILFREE, "--runtime", runtime, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd,
                            env=env or launcher_env())


class Terminal:
    """./gilfree on a pseudo-terminal: type into it, wait for what it prints."""

    def __init__(self, runtime, *args, env=None):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 200, 0, 0))  # rows, columns: a real size
        self.fd = master
        self.proc = subprocess.Popen([_python(), "-c", _EXEC, "tty", GILFREE, "--runtime", runtime, *args],
                                     stdin=slave, stdout=slave, stderr=slave, env=env or launcher_env(TERM="xterm"),
                                     close_fds=True)
        os.close(slave)
        self.seen = ""  # everything printed so far
        self.pos = 0  # how far expect() has consumed it

    def send(self, text):
        os.write(self.fd, text.encode())

    def expect(self, text, timeout=60):
        """Waits until `text` appears after what earlier calls consumed; returns the output up to its end."""
        end = time.monotonic() + timeout
        while True:
            i = self.seen.find(text, self.pos)
            if i >= 0:
                out = self.seen[self.pos:i + len(text)]
                self.pos = i + len(text)
                return out
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {text!r} within {timeout} s; the terminal shows:\n{self.seen[-3000:]!r}")
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # the process ended and the terminal closed
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"the prompt ended before {text!r}; it showed:\n{self.seen[self.pos:]}")
                self.seen += chunk.decode(errors="replace").replace("\r\n", "\n")

    def expect_all(self, *texts, timeout=60):
        """Waits until every one of `texts` appeared, in any order: stderr (tracebacks) reaches the terminal
        through the launcher's filter, so the next prompt, written straight to it, may come first."""
        start = self.pos
        ends = []
        for text in texts:
            self.pos = start
            self.expect(text, timeout)
            ends.append(self.pos)
        self.pos = max(ends)

    def close(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
        os.close(self.fd)
