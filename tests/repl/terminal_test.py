#!/usr/bin/env python3
"""Drives `absim repl` on a real terminal through tmux (a private server,
a detached session): line editing, history recall with Up, tab completion,
and Ctrl-C on a runaway `while (True) {}` that must return to the prompt
with the session's state intact. Reads the screen with capture-pane.
"""
import argparse, os, subprocess, sys, time

PROMPT = 'absim>'  # capture-pane drops trailing spaces


class Terminal:
    def __init__(self, absim):
        self.socket = f'absim-repl-test-{os.getpid()}'
        self.tmux(['new-session', '-d', '-s', 'repl', '-x', '120', '-y', '50',
                   f'env NO_COLOR=1 TERM=xterm {absim} repl'])

    def tmux(self, args, check=True):
        return subprocess.run(['tmux', '-L', self.socket, '-f', '/dev/null'] + args,
                              capture_output=True, text=True, check=check)

    def screen(self):
        return self.tmux(['capture-pane', '-p', '-t', 'repl', '-S', '-200']).stdout

    def type(self, text):
        # A trailing ';' would end tmux's command: escape it.
        if text.endswith(';'):
            text = text[:-1] + '\\;'
        self.tmux(['send-keys', '-t', 'repl', '-l', text])

    def keys(self, *keys):
        self.tmux(['send-keys', '-t', 'repl'] + list(keys))

    def wait_for(self, predicate, what, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            s = self.screen()
            if predicate(s):
                return s
            time.sleep(0.1)
        raise AssertionError(f'timed out waiting for {what}; screen:\n{self.screen()}')

    def prompts(self):
        return self.screen().count(PROMPT)

    # Sends a line and waits until the REPL is back at its prompt.
    def line(self, text=None):
        before = self.prompts()
        if text is not None:
            self.type(text)
        self.keys('Enter')
        self.wait_for(lambda s: s.count(PROMPT) > before, 'the next prompt')
        self.settle()

    # The prompt is printed just before libedit puts the terminal into raw
    # mode; keys sent in between would meet the cooked tty (seen on a loaded
    # machine, where a fixed pause was not always enough). Wait until the
    # pane's terminal has canonical mode off: the editor has taken over.
    def settle(self, timeout=20):
        tty = self.tmux(['display-message', '-p', '-t', 'repl', '#{pane_tty}']).stdout.strip()
        deadline = time.time() + timeout
        while time.time() < deadline:
            modes = subprocess.run(['stty', '-F', tty, '-a'], capture_output=True,
                                   text=True).stdout.split()
            if '-icanon' in modes:
                return
            time.sleep(0.05)
        raise AssertionError(f'the line editor never took the terminal; screen:\n{self.screen()}')

    def close(self):
        self.tmux(['kill-server'], check=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--absim', required=True)
    args = ap.parse_args()
    t = Terminal(os.path.abspath(args.absim))
    try:
        t.wait_for(lambda s: PROMPT in s, 'the first prompt')
        t.settle()
        t.line('Int x = 4;')
        # Line editing: type the end first, go to the start of the line, insert.
        t.type('+ 1')
        t.keys('Home')
        t.type('x ')
        t.line()
        t.wait_for(lambda s: '5 : Int' in s, 'x + 1 = 5')
        # Backspace over a typo.
        t.type('x * 3')
        t.keys('BSpace')
        t.type('7')
        t.line()
        t.wait_for(lambda s: s.count('28 : Int') == 1, 'x * 7 = 28')
        # History: Up recalls the last input.
        t.keys('Up')
        t.line()
        t.wait_for(lambda s: s.count('28 : Int') == 2, 'the recalled x * 7')
        # Tab completion of a variable in scope.
        t.line('Int twelve = 12;')
        t.type('twe')
        t.keys('Tab')
        t.line()
        t.wait_for(lambda s: '12 : Int' in s, 'the completed name')
        # A runaway statement: no prompt until Ctrl-C, then the REPL goes on.
        before = t.prompts()
        t.type('while (True) {}')
        t.keys('Enter')
        time.sleep(1.0)
        if t.prompts() != before:
            raise AssertionError('the runaway loop returned by itself:\n' + t.screen())
        t.keys('C-c')
        t.wait_for(lambda s: 'interrupted' in s and s.count(PROMPT) > before,
                   'the interrupt and a new prompt')
        t.settle()
        # Ctrl-C while typing abandons the line, not the REPL.
        before = t.prompts()
        t.type('garbage that is never run')
        # Ctrl-C only once the editor has the text: a SIGINT flushes what
        # the terminal has not yet delivered, and the test would prove nothing.
        t.wait_for(lambda s: 'absim> garbage that is never run' in s, 'the typed line')
        t.keys('C-c')
        t.wait_for(lambda s: s.count(PROMPT) > before, 'a fresh prompt after Ctrl-C')
        t.settle()
        t.line('x + 100')
        t.wait_for(lambda s: '104 : Int' in s, 'the state kept after Ctrl-C')
        # An error does not end the session either.
        t.line('x + "a"')
        t.wait_for(lambda s: 'error:' in s, 'the type error')
        t.line('x')
        t.wait_for(lambda s: '\n4 : Int' in s, 'x after the error')
        if 'absim> garbage that is never run\nabsim> x + 100' not in t.screen():
            raise AssertionError('the abandoned line ran:\n' + t.screen())
        screen = t.screen()
        if '\x1b' in screen:
            raise AssertionError('escape codes on the captured screen')
        t.type(':quit')
        t.keys('Enter')
        deadline = time.time() + 10
        while t.tmux(['has-session', '-t', 'repl'], check=False).returncode == 0:
            if time.time() > deadline:
                raise AssertionError(':quit did not end the REPL:\n' + t.screen())
            time.sleep(0.1)
        print(screen)
        return 0
    except AssertionError as e:
        print(f'FAIL: {e}')
        return 1
    finally:
        t.close()


if __name__ == '__main__':
    sys.exit(main())
