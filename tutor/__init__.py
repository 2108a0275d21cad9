"""Transport-free tutor core: answering, quizzing, scheduling, learner state."""
