"""Domain errors that carry the Dutch text a learner should see."""


class TutorError(Exception):
    """Base class: ``str(error)`` is the Dutch message for the user."""


class QuestionError(TutorError):
    """The question text cannot be answered as given (empty, only emoji, ...)."""
