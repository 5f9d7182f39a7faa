"""communique: diplomatic events from Azerbaijani, Kazakh and Russian news."""
import warnings

# natasha's pymorphy2 imports pkg_resources, whose deprecation notice would otherwise print on every
# run that reads Russian (worker processes import this package too, so they inherit the filter).
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)

__version__ = "0.1.0"
