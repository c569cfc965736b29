from . import models
from .hooks import pre_init_hook, post_init_hook
