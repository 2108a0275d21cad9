"""The composition root both adapters share: settings from the environment, the tutor built once."""
