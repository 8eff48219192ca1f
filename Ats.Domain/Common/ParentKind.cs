namespace Ats.Domain.Common;

/// What a note or a task hangs on.
public enum ParentKind { Candidate, Application, Job }
