package io.cetus.controller.reconcile;

/**
 * A failure that retrying cannot fix (a spec that can never work). The controller logs it and
 * forgets the request instead of backing off; the object is reconciled again only when it changes.
 * Prefer recording the problem in a status condition and returning {@link Result#DONE} where the
 * user should see it.
 */
public class TerminalReconcileException extends RuntimeException {

  public TerminalReconcileException(String message) {
    super(message);
  }

  public TerminalReconcileException(String message, Throwable cause) {
    super(message, cause);
  }
}
