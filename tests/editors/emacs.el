;;; emacs.el --- open a story with eglot, without a screen, after the README's set-up.
;; Run by tests/editors/try.sh:  emacs --batch -Q -l INIT.el -l emacs.el STORY
;; (INIT.el is the README's snippet, which try.sh takes from the README). Prints the
;; diagnostics flymake shows and exits 0 only if sourcescore's arrived.
(require 'eglot)
(require 'flymake)

(setq eglot-sync-connect t)
(find-file (car command-line-args-left))
(setq command-line-args-left nil)
(eglot-ensure)
(run-hooks 'post-command-hook)          ; eglot-ensure connects after the current command

(let ((deadline (+ (float-time) 30)))
  (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
    (accept-process-output nil 0.2)
    (flymake-start)))

(let ((found (flymake-diagnostics)))
  (dolist (d found)
    (princ (format "diagnostic line %d: %s\n"
                   (line-number-at-pos (flymake-diagnostic-beg d))
                   (car (split-string (flymake-diagnostic-text d) "\n")))))
  (eglot-shutdown (eglot-current-server))
  (kill-emacs (if found 0 1)))
